import type { AppLoadContext } from "react-router";

/** The client's address as the server saw it (see server.js); "unknown" outside it, e.g. in tests. */
export function clientAddress(context: AppLoadContext | undefined) {
  return context?.clientAddress ?? "unknown";
}
