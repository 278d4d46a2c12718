import type { ReactNode } from "react";

/** Props the kit gives a link it renders (pagination, breadcrumbs). */
export interface KitLinkProps {
  href: string;
  className: string;
  children: ReactNode;
  "aria-current"?: "page";
  "aria-label"?: string;
  rel?: string;
}

/**
 * Renders a link. Default `<a>`; the app passes e.g.
 * `({ href, ...props }) => <Link to={href} {...props} />` for client navigation.
 */
export type RenderLink = (props: KitLinkProps) => ReactNode;
