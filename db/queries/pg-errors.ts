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
