import { getTranslations } from "next-intl/server";
import { splitCampaignEntry } from "@/lib/actions/campaigns";
import { getCurrentUser } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/routing";
import { STAKEHOLDER_GROUPS } from "@/lib/limits";
import { isStaffRole } from "@/lib/rules/roles";
import { jsonList, type CampaignSignerView } from "./view-types";

/**
 * A campaign group's entry, under the text of its earliest published member: how many participants submitted it
 * (published ones only), by stakeholder group, and who they are in a native <details> (no JavaScript). Moderators
 * get a button per member to split a wrongly grouped comment out.
 */
export async function CampaignGroup({
  commentId,
  signers: raw,
  locale,
  returnTo,
}: {
  commentId: number;
  signers: unknown;
  locale: Locale;
  returnTo: string;
}) {
  const signers = jsonList<CampaignSignerView>(raw);
  const first = signers[0]?.id;
  // A group whose other members are all hidden or withdrawn reads as the single comment it now is.
  if (first === undefined || signers.length < 2) return null;
  const [t, tg, user] = await Promise.all([getTranslations("campaigns"), getTranslations("groups"), getCurrentUser()]);
  // The viewer's own member, listed on its own so they can edit or withdraw it, points to the group's entry.
  if (first !== commentId) {
    return (
      <p className="mt-2 text-sm text-slate-800" data-testid="campaign-member">
        <a href={`#comment-${first}`} className="text-blue-900 underline">
          {t("alsoInGroup", { id: first, n: signers.length })}
        </a>
      </p>
    );
  }
  const moderator = isStaffRole(user?.role);
  const byGroup = STAKEHOLDER_GROUPS.map((g) => ({ g, n: signers.filter((s) => s.group === g).length })).filter((x) => x.n > 0);
  const nf = new Intl.NumberFormat(locale === "hi" ? "hi-IN" : "en-IN", { numberingSystem: "latn" });
  return (
    <section className="mt-3 rounded border-2 border-blue-200 bg-blue-50 p-3" aria-labelledby={`campaign-${first}`} data-testid="campaign">
      <h3 id={`campaign-${first}`} className="font-semibold text-blue-950" data-testid="campaign-count">
        {t("submittedBy", { count: signers.length, n: nf.format(signers.length) })}
      </h3>
      <p className="text-sm text-slate-800">{t("groupedNote")}</p>
      <ul className="mt-1 flex flex-wrap gap-x-4 text-sm" aria-label={t("byGroupLabel")} data-testid="campaign-groups">
        {byGroup.map(({ g, n }) => (
          <li key={g}>{t("groupCount", { group: tg(g), n: nf.format(n) })}</li>
        ))}
      </ul>
      <details className="mt-2" data-testid="campaign-signers">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-blue-900 underline">
          {t("showSigners", { n: nf.format(signers.length) })}
        </summary>
        <ol className="mt-2 list-decimal space-y-1 pl-6">
          {signers.map((s) => (
            // A member's permalink lands here (#signer-<id>); the browser opens the <details> to show it.
            <li key={s.id} id={`signer-${s.id}`} data-testid="campaign-signer">
              {s.erased
                ? t("formerParticipant", { group: tg(s.group) })
                : s.name
                  ? `${s.name} · ${s.organisation ? t("forOrganisation", { organisation: s.organisation }) : tg(s.group)}`
                  : t("participantFrom", { group: tg(s.group) })}{" "}
              <a href={`/${locale}/comments/${s.id}`} className="comment-link" aria-label={t("permalink", { id: s.id })}>
                #{s.id}
              </a>
              {moderator ? (
                <form action={splitCampaignEntry} className="ml-2 inline">
                  <input type="hidden" name="commentId" value={s.id} />
                  <input type="hidden" name="returnTo" value={returnTo} />
                  <button
                    type="submit"
                    className="min-h-11 cursor-pointer px-2 text-sm text-red-900 underline"
                    aria-label={t("splitLabel", { id: s.id })}
                    data-testid="campaign-split"
                  >
                    {t("split")}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

/**
 * The organisations that confirmed co-signing a joint submission (pending and declined ones never show), and for
 * its author, while new comments are taken, the way to name more.
 */
export async function CosignedBy({
  names: raw,
  locale,
  commentId,
  mayInvite,
}: {
  names: unknown;
  locale: Locale;
  commentId: number;
  mayInvite: boolean;
}) {
  const names = jsonList<string>(raw);
  if (!names.length && !mayInvite) return null;
  const t = await getTranslations("campaigns");
  return (
    <>
      {names.length ? (
        <p data-testid="cosigned-by">
          {t("cosignedBy", { names: new Intl.ListFormat(locale === "hi" ? "hi-IN" : "en-IN").format(names) })}
        </p>
      ) : null}
      {mayInvite ? (
        <p>
          <a href={`/${locale}/cosign/request/${commentId}`} className="comment-link" data-testid="invite-cosigners">
            {t("inviteCosigners")}
          </a>
        </p>
      ) : null}
    </>
  );
}
