import { href } from "react-router";
import { kitHref } from "./hrefs";

/**
 * What public/kit/kit.js needs to know, as the JSON text of a data block: its addresses, and its
 * words in the page's language (plural forms as i18next keys them, `waiting_one`/`waiting_other`).
 * "<" is escaped, so the text cannot end the element that holds it.
 */
export function kitConfig(input: {
  sessionId: string;
  locale: "en" | "fr";
  strings: Record<string, unknown>;
  statuses: Array<[string, string]>;
}): string {
  const { sessionId } = input;
  return JSON.stringify({
    sessionId,
    locale: input.locale,
    page: kitHref(sessionId),
    changes: href("/trainer/kit/:sessionId/changes", { sessionId }),
    commands: href("/trainer/kit/:sessionId/commands", { sessionId }),
    worker: href("/trainer/kit/sw.js"),
    scope: "/trainer/kit/",
    strings: input.strings,
    statuses: input.statuses,
  }).replace(/</g, "\\u003c");
}
