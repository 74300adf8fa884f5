import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    // Migrates once into a PGlite snapshot and a PostgreSQL template that each test's fresh database copies.
    globalSetup: ["tests/support/database-templates.ts"],
    pool: "forks",
    // Each file opens its own databases (a fresh PostgreSQL database, an in-memory PGlite), so files may run in
    // parallel; two at a time keeps PGlite's memory in check on a 2-core machine.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-0123456789" },
  },
});
