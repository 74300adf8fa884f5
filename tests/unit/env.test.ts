import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("the environment", () => {
  it("gives the documented defaults when nothing is set", () => {
    const e = parseEnv({});
    expect(e).toMatchObject({
      NODE_ENV: "development",
      NEXTAUTH_URL: "http://localhost:3000",
      SAMVAD_DEMO: false,
      TRUSTED_PROXY_HOPS: 0,
      SAMVAD_MIN_FILL_MS: 3000,
    });
    expect(e.DATABASE_URL).toBeUndefined();
  });

  it("reads the values it is given", () => {
    const e = parseEnv({
      DATABASE_URL: "postgres://u:p@127.0.0.1:5432/db",
      NEXTAUTH_URL: "https://samvad.example.in/",
      SAMVAD_DEMO: "1",
      TRUSTED_PROXY_HOPS: "2",
      NEXTAUTH_SECRET: "x".repeat(32),
    });
    expect(e).toMatchObject({ NEXTAUTH_URL: "https://samvad.example.in", SAMVAD_DEMO: true, TRUSTED_PROXY_HOPS: 2 });
  });

  it.each([
    ["TRUSTED_PROXY_HOPS", "one"],
    ["TRUSTED_PROXY_HOPS", "-1"],
    ["NEXTAUTH_SECRET", "short"],
    ["NEXTAUTH_URL", "not a url"],
    ["DATABASE_URL", "mysql://x"],
    ["SAMVAD_DEMO", "yes"],
    ["SAMVAD_MIN_FILL_MS", "3s"],
  ])("refuses a bad %s and names it", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`${name}: `));
  });
});
