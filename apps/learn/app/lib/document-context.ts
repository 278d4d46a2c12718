import { createContext, useContext } from "react";

/**
 * What the server knows about the document it is rendering (set in entry.server.tsx; empty in
 * the browser):
 * - the Content-Security-Policy nonce of this response, for the few inline scripts;
 * - the page's language and discreet mode from the request's cookies, for pages whose root
 *   loader did not run (an action's error page) or failed (an outage);
 * - whether the page is the 503 "service unavailable" page, which never hydrates (its
 *   hydration data would still describe the error the server replaced).
 */
export type DocumentContextValue = {
  nonce?: string;
  locale?: string;
  discreet?: boolean;
  /** Where quick exit goes (QUICK_EXIT_URL), for pages without the root's data. */
  quickExit?: string;
  serviceUnavailable?: boolean;
};

export const DocumentContext = createContext<DocumentContextValue>({});

export function useDocumentContext(): DocumentContextValue {
  return useContext(DocumentContext);
}
