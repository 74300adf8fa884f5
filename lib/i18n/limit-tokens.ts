import * as limits from "@/lib/limits";

/**
 * Limits quoted in the catalogue ("Use at most %COMMENT_BODY_MAX% characters") are filled in from lib/limits.ts
 * when the messages are loaded, so a limit is written once and the sentence can never disagree with the check.
 * A token names a numeric export of lib/limits; an unknown token is a mistake in the catalogue and fails loudly.
 */
const TOKEN = /%([A-Z][A-Z0-9_]*)%/g;

type Messages = { [key: string]: string | Messages };

function limitValue(name: string): number {
  const value = (limits as Record<string, unknown>)[name];
  if (typeof value !== "number") throw new Error(`The message catalogue quotes %${name}%, which is not a numeric limit in lib/limits.ts`);
  return value;
}

export function fillLimitTokens(messages: Messages, locale: string): Messages {
  const format = new Intl.NumberFormat(`${locale}-IN`);
  const fill = (node: Messages): Messages =>
    Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        typeof v === "string" ? v.replace(TOKEN, (_, name: string) => format.format(limitValue(name))) : fill(v),
      ]),
    );
  return fill(messages);
}

/** The tokens a catalogue quotes, for the test that every one of them is a real limit. */
export function limitTokensIn(messages: Messages): string[] {
  const found: string[] = [];
  const walk = (node: Messages) => {
    for (const v of Object.values(node)) {
      if (typeof v === "string") for (const m of v.matchAll(TOKEN)) found.push(m[1] ?? "");
      else walk(v);
    }
  };
  walk(messages);
  return found;
}
