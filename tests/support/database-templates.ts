// vitest globalSetup: every integration test file opens fresh databases, and migrating each from empty cost more than
// the tests in many files. The committed migrations run once here, into a PGlite snapshot and a PostgreSQL template
// database; tests/support/engines.ts starts each fresh database as a copy of them (and still runs the migrator, which
// then finds nothing to do). The migrations themselves are tested from empty in tests/integration/database.test.ts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDb } from "@/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** A tarball of a migrated embedded database (PGlite's dumpDataDir). */
    pgliteSnapshotFile: string;
    /** A migrated PostgreSQL database to copy (CREATE DATABASE … TEMPLATE), or "" without TEST_DATABASE_URL. */
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samvad-test-dbs-"));
  const snapshotFile = path.join(dir, "migrated.tar");
  const embedded = await openDb({ pgliteDir: "memory://" });
  // drizzle's documented way to the driver underneath.
  const client = (embedded.db as unknown as { $client: PGlite }).$client;
  fs.writeFileSync(snapshotFile, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
  await embedded.close();
  project.provide("pgliteSnapshotFile", snapshotFile);

  const baseUrl = process.env.TEST_DATABASE_URL;
  let template = "";
  let admin: postgres.Sql | undefined;
  if (baseUrl) {
    template = `samvad_tpl_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
    admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${template}`);
    const url = new URL(baseUrl);
    url.pathname = `/${template}`;
    const server = await openDb({ url: url.toString() });
    await server.close();
  }
  project.provide("postgresTemplate", template);

  return async () => {
    if (admin) {
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      await admin.end();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
