// Prints the rows per table that a clean first start's demo seed makes, on an in-memory embedded database:
// the reference a recovered database is compared with. A script of its own, because the seed reaches modules
// (the message catalogue) that the Playwright runner cannot import.
//   node --import tsx tests/support/demo-reference.ts
import { openDb } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { tableCounts } from "./store-integrity";

const h = await openDb({ pgliteDir: "memory://" });
try {
  await seedDemo(h.db);
  process.stdout.write(`${JSON.stringify(await tableCounts(h.db))}\n`);
} finally {
  await h.close();
}
