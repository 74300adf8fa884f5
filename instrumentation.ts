// Runs once per server process before it serves: the one place migrations (and, in demo mode, the seed) run,
// so no second process ever opens the embedded database folder.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A bad setting stops the server here, naming the variable, rather than at the first request that reads it.
  const { env } = await import("./lib/env");
  const settings = env();
  const { getDbHandle } = await import("./db/client");
  const handle = await getDbHandle();
  // Sign-in attempts only matter inside the 15-minute window; the privacy notice promises not to keep them.
  const { pruneSignInAttempts } = await import("./db/queries/sign-in-attempts");
  await pruneSignInAttempts(handle.db, new Date(Date.now() - 24 * 60 * 60 * 1000));
  if (settings.SAMVAD_DEMO) {
    const { seedDemo } = await import("./db/seed");
    // Instances starting together on one PostgreSQL seed one after another, so none writes the demo twice.
    await handle.exclusive(() => seedDemo(handle.db));
    console.log(`Samvad: demo data ready on ${handle.engine === "pglite" ? "the embedded database" : "PostgreSQL"}.`);
  }
  // After the migrations and the seed: the consultation announcements (with or without a mail server) and, when
  // SMTP_URL is set, the mail worker.
  const { startBackgroundJobs } = await import("./lib/jobs/background");
  startBackgroundJobs(handle.db, settings);
}

/**
 * A page that failed because the database is unreachable tells the proxy's memo, so the next requests get the
 * "briefly unavailable" page (503) at once instead of failing one by one (lib/http/readiness-memo.ts).
 */
export async function onRequestError(err: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { isDatabaseUnavailable } = await import("./db/queries/pg-errors");
  if (!isDatabaseUnavailable(err)) return;
  const { databaseReadiness } = await import("./lib/http/readiness-memo");
  databaseReadiness().markDown();
}
