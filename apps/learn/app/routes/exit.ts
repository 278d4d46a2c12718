import { quickExit, quickExitLink } from "~/modules/auth/quick-exit.server";
import type { Route } from "./+types/exit";

/** "Leave this site quickly": signs this browser out and goes to an everyday site. */
export function action({ request }: Route.ActionArgs) {
  return quickExit(request);
}

export function loader({ request }: Route.LoaderArgs) {
  return quickExitLink(request);
}
