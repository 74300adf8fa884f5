import { createHmac, timingSafeEqual } from "node:crypto";

/** A form older than this is stale: a bot cannot keep reusing one stamp. */
export const MAX_FORM_AGE_MS = 24 * 60 * 60 * 1000;

/** A signed "form shown at" stamp, so a bot cannot simply claim it waited. */
export function signFormStamp(renderedAtMs: number, secret: string): string {
  const mac = createHmac("sha256", secret).update(String(renderedAtMs)).digest("base64url");
  return `${renderedAtMs}.${mac}`;
}

export type StampCheck = "ok" | "tooFast" | "invalid";

/**
 * People take a few seconds to write: a form sent back faster than `minFillMs` (SAMVAD_MIN_FILL_MS, default 3 s)
 * is a naive bot.
 */
export function checkFormStamp(stamp: string, secret: string, nowMs: number, minFillMs: number): StampCheck {
  const [at, mac] = stamp.split(".");
  const renderedAt = Number(at);
  if (!at || !mac || !Number.isSafeInteger(renderedAt)) return "invalid";
  const expected = signFormStamp(renderedAt, secret).split(".")[1] ?? "";
  const a = Buffer.from(mac);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return "invalid";
  if (renderedAt > nowMs + 60_000 || nowMs - renderedAt > MAX_FORM_AGE_MS) return "invalid";
  return nowMs - renderedAt < minFillMs ? "tooFast" : "ok";
}
