import { describe, expect, it } from "vitest";
import { addressFromForwardedFor } from "@/lib/auth/client-address";
import { csvField } from "@/lib/rules/csv";

describe("client address from X-Forwarded-For", () => {
  it("believes nothing without trusted proxies: the client writes that header itself", () => {
    expect(addressFromForwardedFor("203.0.113.9", 0)).toBeNull();
    expect(addressFromForwardedFor(null, 0)).toBeNull();
  });
  it("takes the entry the outermost trusted proxy appended, not one the client forged", () => {
    // The client sent "1.2.3.4"; one proxy appended the real address 198.51.100.7.
    expect(addressFromForwardedFor("1.2.3.4, 198.51.100.7", 1)).toBe("198.51.100.7");
    // Two proxies: the first appended the client's address, the second the first proxy's.
    expect(addressFromForwardedFor("1.2.3.4, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
  });
  it("gives null when the chain is shorter than the trusted hops", () => {
    expect(addressFromForwardedFor("", 1)).toBeNull();
  });
});

describe("CSV formula guard after separators", () => {
  it("neutralises a formula after a semicolon or a line break", () => {
    expect(csvField("x;=HYPERLINK(1)")).toBe("x;'=HYPERLINK(1)");
    expect(csvField("x\n=1+1")).toBe('"x\n\'=1+1"');
  });
  it("leaves numbers alone, negative ones included", () => {
    expect(csvField(-5)).toBe("-5");
  });
});
