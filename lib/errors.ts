/** Error codes a route handler may answer with, and their HTTP statuses. Raw exception text never leaves the server. */
export const errorStatus = {
  badOrigin: 403,
  unauthenticated: 401,
  notFound: 404,
} as const;
export type ErrorCode = keyof typeof errorStatus;

export function errorResponse(code: ErrorCode, init?: { headers?: Record<string, string> }): Response {
  return Response.json({ error: code }, { status: errorStatus[code], headers: init?.headers });
}
