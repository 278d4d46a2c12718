import { type AnchorHTMLAttributes, createContext, useContext } from "react";
import { Link, NavLink, useLocation } from "react-router";
import { useNeutralUrl } from "~/lib/page-title";

/**
 * Whether this page ships React Router's client (a route opts in with `handle.hydrate`; see
 * root.tsx). Provided once by the root layout.
 */
export const ClientRouterContext = createContext(false);

type AppLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string };

/** `path` carrying `search` (the page's own query, say), without a dangling "?". */
export function withSearch(path: string, search: URLSearchParams): string {
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * A link to a page of this site. On pages without the client runtime — all of them unless a
 * route opts in — it is a plain anchor: React Router's `<Link>` would only add client-side
 * navigation those pages cannot use, at a cost per link on every server render.
 */
export function AppLink({ to, ...props }: AppLinkProps) {
  const client = useContext(ClientRouterContext);
  const neutral = useNeutralUrl();
  const shown = neutral(to);
  // A neutral address matches no route in the browser: it is a document request to the server.
  if (client && shown === to) return <Link to={to} {...props} />;
  return <a href={shown} {...props} />;
}

/**
 * Whether `pathname` is `to` or below it (only `to` itself with `end`): how `<NavLink>` decides
 * a link is current.
 */
export function isCurrentSection(pathname: string, to: string, end = false): boolean {
  const path = pathname.toLowerCase().replace(/\/+$/, "");
  const target = to.toLowerCase().replace(/\/+$/, "");
  // The home page ("/") is current only on itself, as with NavLink.
  return path === target || (!end && target !== "" && path.startsWith(`${target}/`));
}

/** {@link AppLink} marking the link to the section being viewed with `aria-current="page"`. */
export function AppNavLink({ to, end = false, ...props }: AppLinkProps & { end?: boolean }) {
  const client = useContext(ClientRouterContext);
  const { pathname } = useLocation();
  const shown = useNeutralUrl()(to);
  if (client && shown === to) return <NavLink to={to} end={end} {...props} />;
  return (
    <a
      href={shown}
      aria-current={isCurrentSection(pathname, to, end) ? "page" : undefined}
      {...props}
    />
  );
}
