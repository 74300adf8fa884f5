import type { Db } from "@/db/client";
import { preferredLanguageOf, turnOffPreference } from "@/db/queries/notifications";
import { publicBaseUrl } from "@/lib/auth/config";
import { readUnsubscribeToken } from "./unsubscribe";

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * RFC 8058 one-click unsubscribe: a POST to the link with the body "List-Unsubscribe=One-Click" switches that
 * kind of email off, without sign-in (the signed token is the authority). Mail clients get a plain 200; the
 * page's own form (which adds page=1) is sent back to the page, which says it is done.
 */
export async function unsubscribePost(db: Db, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  const claim = readUnsubscribeToken(token);
  let form: FormData | null = null;
  try {
    form = await request.formData();
  } catch {
    form = null;
  }
  if (form?.get("List-Unsubscribe") !== "One-Click") return plain(400, "Expected the body List-Unsubscribe=One-Click (RFC 8058).");
  if (!claim || !(await turnOffPreference(db, claim.userId, claim.kind))) return plain(404, "This unsubscribe link does not work.");
  if (form.get("page") === "1") {
    const lang = (await preferredLanguageOf(db, claim.userId)) ?? "en";
    return new Response(null, {
      status: 303,
      headers: {
        Location: `${publicBaseUrl()}/${lang}/unsubscribe?token=${encodeURIComponent(token ?? "")}&unsubscribed=1`,
        "Cache-Control": "no-store",
      },
    });
  }
  return plain(200, "Unsubscribed.");
}

/** Opening the link shows the page with the button: a GET never unsubscribes (mail scanners open links). */
export async function unsubscribeGet(db: Db, request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const claim = readUnsubscribeToken(token);
  const lang = (claim && (await preferredLanguageOf(db, claim.userId))) || "en";
  return new Response(null, {
    status: 303,
    headers: { Location: `${publicBaseUrl()}/${lang}/unsubscribe?token=${encodeURIComponent(token)}`, "Cache-Control": "no-store" },
  });
}
