// Runs once per server process before it serves: the one place migrations (and, in demo mode, the seed) run,
// so no second process ever opens the embedded database folder.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb, getDbHandle } = await import("./db/client");
  const handle = await getDbHandle();
  if (process.env.SAMVAD_DEMO === "1") {
    const { seedDemo } = await import("./db/seed");
    await seedDemo(await getDb());
    console.log(`Samvad: demo data ready on ${handle.engine === "pglite" ? "the embedded database" : "PostgreSQL"}.`);
  }
}
