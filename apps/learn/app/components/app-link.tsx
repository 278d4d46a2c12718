import { type AnchorHTMLAttributes, createContext, useContext } from "react";
import { Link, NavLink, useLocation } from "react-router";

/**
 * Whether this page ships React Router's client (a route opts in with `handle.hydrate`; see
 * root.tsx). Provided once by the root layout.
 */
export const ClientRouterContext = createContext(false);

type AppLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string };

/**
 * A link to a page of this site. On pages without the client runtime — all of them unless a
 * route opts in — it is a plain anchor: React Router's `<Link>` would only add client-side
 * navigation those pages cannot use, at a cost per link on every server render.
 */
export function AppLink({ to, ...props }: AppLinkProps) {
  if (useContext(ClientRouterContext)) return <Link to={to} {...props} />;
  return <a href={to} {...props} />;
}

/** Whether `pathname` is `to` or below it: how `<NavLink>` decides a link is current. */
export function isCurrentSection(pathname: string, to: string): boolean {
  const path = pathname.toLowerCase();
  const target = to.toLowerCase().replace(/\/+$/, "");
  return path === target || path.startsWith(`${target}/`);
}

/** {@link AppLink} marking the link to the section being viewed with `aria-current="page"`. */
export function AppNavLink({ to, ...props }: AppLinkProps) {
  const client = useContext(ClientRouterContext);
  const { pathname } = useLocation();
  if (client) return <NavLink to={to} {...props} />;
  return (
    <a href={to} aria-current={isCurrentSection(pathname, to) ? "page" : undefined} {...props} />
  );
}
