import { getTranslations } from "next-intl/server";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { withdrawEndorsementAction } from "@/lib/actions/endorsements";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { EndorseForm } from "./endorse-form";
import type { ActiveEndorsementView } from "./view-types";
import { WITHDRAW_ENDORSEMENT_PARAM } from "@/lib/i18n/search-params";

/** The query parameter that opens the "withdraw this endorsement?" step for one of the viewer's endorsements. */

interface Props {
  locale: Locale;
  heading: string;
  consultationSlug: string;
  target: string;
  /** The page the panel is on (a path without query), where the forms and links come back to. */
  returnTo: string;
  signedIn: boolean;
  canWrite: boolean;
  /** This user's active endorsements of this target (personal and for their organisations). */
  active: ActiveEndorsementView[];
  /** Organisations this user may sign for, with whether each has already endorsed this target. */
  signable: { id: string; name: string }[];
  personalActive: boolean;
  /** The endorsement whose withdrawal the page was opened to confirm (`?withdrawEndorsement=<id>`), if any. */
  withdrawing?: number | null;
}

export async function EndorsementPanel(p: Props) {
  const t = await getTranslations("endorse");
  const capacities = [
    ...(p.personalActive ? [] : [{ id: "personal", label: t("personal") }]),
    ...p.signable.map((o) => ({ id: o.id, label: t("onBehalf", { organisation: o.name }) })),
  ];
  const confirmHref = (id: number) =>
    `${p.returnTo}?${new URLSearchParams({ [WITHDRAW_ENDORSEMENT_PARAM]: String(id) })}#withdraw-endorsement-${id}`;
  return (
    <section
      id="endorse"
      aria-labelledby="endorse-heading"
      className="mt-8 scroll-mt-4 rounded border-2 border-blue-200 bg-blue-50/40 p-4"
      data-testid="endorsement-panel"
    >
      <h2 id="endorse-heading" className="text-xl font-bold">
        {p.heading}
      </h2>
      <p className="mt-1 max-w-prose">{t("intro")}</p>
      {p.active.length ? (
        <ul className="mt-3 space-y-2" data-testid="active-endorsements">
          {p.active.map((e) => {
            const organisation = e.organisationName;
            return (
              <li key={e.id} className="flex flex-wrap items-center gap-x-4">
                <span>
                  {organisation
                    ? t("activeOrg", { organisation, date: formatDate(e.endorsedAt, p.locale) })
                    : t("activePersonal", { date: formatDate(e.endorsedAt, p.locale) })}
                </span>
                {!p.canWrite ? null : p.withdrawing === e.id ? (
                  <div className="w-full">
                    <ConfirmStep
                      id={`withdraw-endorsement-${e.id}`}
                      heading={organisation ? t("withdrawQuestionOrg", { organisation }) : t("withdrawQuestionPersonal")}
                      explanation={t("withdrawExplain")}
                      action={withdrawEndorsementAction}
                      fields={{ endorsementId: String(e.id), returnTo: p.returnTo }}
                      confirmLabel={organisation ? t("withdrawConfirmOrg", { organisation }) : t("withdrawConfirmPersonal")}
                      pendingLabel={t("withdrawing")}
                      cancelHref={`${p.returnTo}#endorse`}
                      cancelLabel={t("withdrawCancel")}
                      testId="withdraw-endorsement-confirm"
                    />
                  </div>
                ) : (
                  <a
                    href={confirmHref(e.id)}
                    className="inline-flex min-h-11 items-center text-blue-900 underline"
                    aria-label={organisation ? t("withdrawOrg", { organisation }) : t("withdrawPersonal")}
                    data-testid="withdraw-endorsement-link"
                  >
                    {t("withdraw")}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {!p.signedIn ? (
        <p className="mt-3">
          <Link href="/signin" className="text-blue-900 underline">
            {t("signInPrompt")}
          </Link>
        </p>
      ) : p.canWrite && capacities.length ? (
        <EndorseForm consultationSlug={p.consultationSlug} target={p.target} returnTo={p.returnTo} capacities={capacities} />
      ) : p.canWrite ? (
        <p className="mt-3">{t("allEndorsed")}</p>
      ) : null}
      <p className="mt-3">
        <Link href={`/consultations/${p.consultationSlug}/registry`} className="inline-flex min-h-11 items-center text-blue-900 underline">
          {t("registryLink")}
        </Link>
      </p>
    </section>
  );
}
