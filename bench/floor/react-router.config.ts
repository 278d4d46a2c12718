import type { Config } from "@react-router/dev/config";

// The framework floor: the smallest server-rendered React Router page, served the same way as
// the app (Express + compression), so the ratio measures our pages and not the stack.
export default { ssr: true } satisfies Config;
