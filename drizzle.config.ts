import { defineConfig } from "drizzle-kit";

// `generate` needs no database; migrations are applied by the app itself at start (db/client.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
