// Test-only helpers of the throttling tests (imported by *.test.ts only).
import type { Db } from "@peacelearn/db";
import { DEVICE_COOKIE, SESSION_COOKIE } from "~/modules/auth/cookie.server";
import { hashPassword } from "~/modules/auth/password.server";
import { TEST_ORIGIN } from "~/test/route-call";

export const PASSWORD = "a long pass phrase";

/** What a route answered, with its headers (route-call's `callRoute` keeps only the status). */
export type Answer = { status: number; headers: Headers; data: unknown };

type DataWithInit = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };

function isDataWithInit(value: unknown): value is DataWithInit {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: unknown }).type === "DataWithResponseInit"
  );
}

/** Calls a loader or action as React Router would, from `clientAddress`. */
export async function answer(
  handler: (args: never) => unknown,
  request: Request,
  clientAddress: string,
  params: Record<string, string> = {},
): Promise<Answer> {
  let result: unknown;
  try {
    result = await handler({ request, params, context: { clientAddress } } as never);
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    return { status: result.status, headers: result.headers, data: undefined };
  }
  if (isDataWithInit(result)) {
    return {
      status: result.init?.status ?? 200,
      headers: new Headers(result.init?.headers),
      data: result.data,
    };
  }
  if (result instanceof Error) throw result;
  return { status: 200, headers: new Headers(), data: result };
}

/** An account that logs in with `password` (tests that do not log in use `signIn`). */
export async function createAccount(
  db: Db,
  email: string,
  password = PASSWORD,
  roles = ["trainee"],
) {
  return db.user.create({
    data: {
      email,
      displayName: email.split("@")[0] ?? email,
      roles,
      passwordHash: await hashPassword(password),
    },
  });
}

/** The session a login or sign-up redirect set: its whole `Set-Cookie` header and the token. */
export function sessionFrom(response: Response | { status: number }) {
  if (!(response instanceof Response)) {
    throw new Error(`expected a redirect, got ${response.status}`);
  }
  const cookie = response.headers.get("Set-Cookie") ?? "";
  return { cookie, token: new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(cookie)?.[1] ?? "" };
}

/** The value a `Set-Cookie` header of `answer` gives cookie `name` ("" when not set). */
export function cookieValue(response: Answer, name: string): string {
  for (const header of response.headers.getSetCookie()) {
    const [pair = ""] = header.split(";");
    const [key, ...value] = pair.split("=");
    if (key === name) return value.join("=");
  }
  return "";
}

/** The whole `Set-Cookie` header of cookie `name`. */
export function setCookieHeader(response: Answer, name: string): string {
  return response.headers.getSetCookie().find((header) => header.startsWith(`${name}=`)) ?? "";
}

/** A same-origin login POST carrying the browser's cookies. */
export function loginPost(
  email: string,
  password: string,
  cookies: { device?: string; session?: string } = {},
) {
  const cookie = [
    cookies.device ? `${DEVICE_COOKIE}=${cookies.device}` : "",
    cookies.session ? `${SESSION_COOKIE}=${cookies.session}` : "",
  ]
    .filter(Boolean)
    .join("; ");
  return new Request(`${TEST_ORIGIN}/login`, {
    method: "POST",
    headers: {
      Origin: TEST_ORIGIN,
      "Content-Type": "application/x-www-form-urlencoded",
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams({ email, password }),
  });
}

/** The translation key of a failed form's first form-level error. */
export function formErrorOf(response: Answer): string | undefined {
  const result = (response.data as { result?: { error?: Record<string, string[]> } })?.result;
  return result?.error?.[""]?.[0];
}
