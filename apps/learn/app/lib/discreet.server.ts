import { createCookie } from "react-router";

/**
 * Discreet mode: neutral page titles and header name for someone whose screen may be seen by
 * others. Kept in its own cookie (not the account) so it also works before signing in and on a
 * shared phone.
 */
export const discreetCookie = createCookie("discreet", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export async function isDiscreet(request: Request): Promise<boolean> {
  return (await discreetCookie.parse(request.headers.get("Cookie"))) === true;
}
