// Calls a route module's loader or action the way React Router does, with a real Request, and
// normalises what comes back: a Response (redirects, thrown Responses) or { status, data }.
type DataResult = { init?: { status?: number } | null; data?: unknown; type?: string };

export type RouteOutcome = Response | { status: number; data: unknown };

export async function callRoute(
  handler: (args: never) => unknown,
  request: Request,
  {
    params = {},
    context = { clientAddress: "198.51.100.7" },
  }: { params?: Record<string, string>; context?: Record<string, unknown> } = {},
): Promise<RouteOutcome> {
  let result: unknown;
  try {
    result = await handler({ request, params, context } as never);
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) return result;
  if (
    result &&
    typeof result === "object" &&
    (result as DataResult).type === "DataWithResponseInit"
  ) {
    const { init, data } = result as DataResult;
    return { status: init?.status ?? 200, data };
  }
  if (result instanceof Error) throw result;
  return { status: 200, data: result };
}

export const TEST_ORIGIN = "http://peacelearn.test";

/** A same-origin form POST, as a browser would send it. */
export function formPost(
  path: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  return new Request(`${TEST_ORIGIN}${path}`, {
    method: "POST",
    headers: {
      Origin: TEST_ORIGIN,
      "Content-Type": "application/x-www-form-urlencoded",
      ...headers,
    },
    body,
  });
}

/** A GET, optionally signed in with a session token. */
export function pageGet(path: string, sessionToken?: string, headers: Record<string, string> = {}) {
  return new Request(`${TEST_ORIGIN}${path}`, {
    headers: {
      ...(sessionToken ? { Cookie: `peacelearn_session=${sessionToken}` } : {}),
      ...headers,
    },
  });
}
