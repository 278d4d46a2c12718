import { fileURLToPath } from "node:url";

/** The folder holding the programme's own courses, shipped with this package. */
export const coursesDir: string = fileURLToPath(new URL("../courses", import.meta.url));
