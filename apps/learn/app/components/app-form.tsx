import { Form, type FormProps, useFormAction } from "react-router";
import { useNeutralUrl } from "~/lib/page-title";

/**
 * A form of this site: React Router's `<Form>`, whose address is neutral in discreet mode
 * (lib/neutral-url.ts). Without an `action` a form posts to the page it is on — an address
 * React Router writes out in full (`/courses/…/lessons/…`), which the address bar would show
 * again if the answer is a page (a form with errors): so the address is always written here.
 * Routes use this, never `Form` itself (Biome's noRestrictedImports says so).
 */
export function AppForm({ action, reloadDocument, ...props }: FormProps) {
  const resolved = useFormAction(action);
  const shown = useNeutralUrl()(resolved);
  if (shown === resolved)
    return <Form action={action} reloadDocument={reloadDocument} {...props} />;
  // A neutral address matches no route in the browser: the document posts to the server.
  return <Form action={shown} reloadDocument {...props} />;
}
