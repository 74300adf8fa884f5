/** True when the error (or one it wraps) is PostgreSQL's unique_violation, from either driver. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const rec = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };
    if (rec.code === "23505") {
      if (!constraint) return true;
      return rec.constraint_name === constraint || rec.constraint === constraint;
    }
    e = rec.cause;
  }
  return false;
}

/**
 * Errors that mean the database cannot be reached or is going away, not that a statement was wrong: the request
 * may succeed unchanged in a minute. SQLSTATE class 08 (connection exception), 57P01-57P03 (shut down by an
 * administrator, crashed, not accepting connections yet), the socket errors Node reports, and the postgres
 * driver's own codes for a connection it lost.
 */
const UNAVAILABLE_CODES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/** PGlite runs in this process; once closed (the server is stopping) it says so in words, with no code. */
const PGLITE_CLOSED = /^PGlite is closed/;

/** True when the error (or one it wraps, as drizzle's query errors and Node's AggregateError do) says the database is unreachable. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [err];
  while (pending.length > 0 && seen.size < 20) {
    const e = pending.pop();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const rec = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof rec.code === "string" && (UNAVAILABLE_CODES.has(rec.code) || rec.code.startsWith("08"))) return true;
    if (typeof rec.message === "string" && PGLITE_CLOSED.test(rec.message)) return true;
    pending.push(rec.cause);
    if (Array.isArray(rec.errors)) pending.push(...rec.errors);
  }
  return false;
}
