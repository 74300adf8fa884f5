import { getTranslations } from "next-intl/server";
import { SubmitButton } from "@/components/ui/submit-button";
import { answerCosignRequest, requestCosigner } from "@/lib/actions/campaigns";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { CosignState, Language, StakeholderGroup } from "@/lib/limits";

export interface CosignRequestView {
  commentId: number;
  organisationId: string;
  organisationName: string;
  requestedAt: Date;
  body: string;
  language: Language;
  byOrganisation: string | null;
  principleTitle: string;
  principleTitleHi: string | null;
  principlePosition: number;
}

/** The requests an authorised representative answers: the text, who asks, and a Confirm and a Decline button each. */
export async function CosignRequestList({ requests, locale }: { requests: CosignRequestView[]; locale: Locale }) {
  const t = await getTranslations("cosign");
  if (!requests.length)
    return (
      <p className="mt-6" data-testid="cosign-empty">
        {t("empty")}
      </p>
    );
  return (
    <ol className="mt-6 space-y-6" data-testid="cosign-requests">
      {requests.map((r) => {
        const key = `${r.commentId}-${r.organisationId}`;
        const title = locale === "hi" && r.principleTitleHi ? r.principleTitleHi : r.principleTitle;
        return (
          <li key={key} className="rounded border border-slate-300 p-4" data-testid="cosign-request" data-comment-id={r.commentId}>
            <h2 id={`req-${key}`} className="text-lg font-semibold">
              {t("requestFor", { organisation: r.organisationName, id: r.commentId })}
            </h2>
            <p className="text-sm text-slate-700">
              {t("askedBy", { organisation: r.byOrganisation ?? "" })} · {t("onPrinciple", { n: r.principlePosition, title })} ·{" "}
              <time dateTime={r.requestedAt.toISOString()}>{formatDateTime(r.requestedAt, locale)}</time>
            </p>
            <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 whitespace-pre-line" lang={r.language}>
              {r.body}
            </blockquote>
            <p className="mt-2">
              <a href={`/${locale}/comments/${r.commentId}`} className="text-blue-900 underline">
                {t("openComment", { id: r.commentId })}
              </a>
            </p>
            <div className="mt-3 flex flex-wrap gap-4" role="group" aria-labelledby={`req-${key}`}>
              {(["confirmed", "declined"] as const).map((decision) => (
                <form key={decision} action={answerCosignRequest}>
                  <input type="hidden" name="commentId" value={r.commentId} />
                  <input type="hidden" name="organisationId" value={r.organisationId} />
                  <input type="hidden" name="decision" value={decision} />
                  <SubmitButton
                    label={decision === "confirmed" ? t("confirm") : t("decline")}
                    pendingLabel={t("sending")}
                    tone={decision === "confirmed" ? "primary" : "danger"}
                  />
                </form>
              ))}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

interface RequestFormProps {
  locale: Locale;
  commentId: number;
  body: string;
  language: Language;
  cosigners: { organisationId: string; name: string; state: CosignState }[];
  choices: { id: string; name: string; stakeholderGroup: StakeholderGroup }[];
  open: boolean;
  full: boolean;
}

/** The joint submission's co-signers so far, with their answers, and a form to name one more. */
export async function CosignerRequestForm(p: RequestFormProps) {
  const [t, tg] = await Promise.all([getTranslations("cosign"), getTranslations("groups")]);
  return (
    <>
      <blockquote className="mt-4 border-l-4 border-slate-300 pl-3 whitespace-pre-line" lang={p.language}>
        {p.body}
      </blockquote>
      <p className="mt-2">
        <a href={`/${p.locale}/comments/${p.commentId}`} className="text-blue-900 underline">
          {t("openComment", { id: p.commentId })}
        </a>
      </p>
      <section aria-labelledby="cosigners-heading" className="mt-6">
        <h2 id="cosigners-heading" className="text-xl font-bold">
          {t("cosignersHeading")}
        </h2>
        {p.cosigners.length ? (
          <ul className="mt-2 space-y-1" data-testid="cosigners">
            {p.cosigners.map((c) => (
              <li key={c.organisationId} data-state={c.state}>
                {c.name} · {t(`state.${c.state}`)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{t("noCosigners")}</p>
        )}
        <p className="mt-2 max-w-prose text-sm text-slate-700">{t("publicNote")}</p>
      </section>
      {p.open && p.choices.length ? (
        <form action={requestCosigner} className="mt-6">
          <input type="hidden" name="commentId" value={p.commentId} />
          <label htmlFor="cosign-organisation" className="block font-semibold">
            {t("organisationLabel")}
          </label>
          <select
            id="cosign-organisation"
            name="organisationId"
            required
            className="mt-1 mb-3 block min-h-11 max-w-full rounded border-2 border-slate-600 bg-white px-2"
          >
            {p.choices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({tg(o.stakeholderGroup)})
              </option>
            ))}
          </select>
          <SubmitButton label={t("ask")} pendingLabel={t("sending")} />
        </form>
      ) : (
        <p className="mt-6">{p.open ? (p.full ? t("full") : t("noChoices")) : t("closed")}</p>
      )}
    </>
  );
}

/** On the profile of an authorised representative: where their organisations' co-signing requests wait. */
export async function CosignRequestsLink() {
  const t = await getTranslations("cosign");
  return (
    <p className="mt-3">
      <Link href="/cosign" className="text-blue-900 underline" data-testid="cosign-link">
        {t("profileLink")}
      </Link>
    </p>
  );
}
