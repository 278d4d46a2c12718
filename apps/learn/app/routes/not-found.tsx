import { data } from "react-router";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";

// Every unknown URL lands here so the 404 page is the app's own, in the reader's language.
export function loader() {
  throw data(null, { status: 404 });
}

export function action() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
