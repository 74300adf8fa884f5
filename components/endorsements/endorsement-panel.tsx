import { getTranslations } from "next-intl/server";
import { withdrawEndorsementAction } from "@/lib/actions/endorsements";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { EndorseForm } from "./endorse-form";

interface Props {
  locale: Locale;
  heading: string;
  consultationSlug: string;
  target: string;
  returnTo: string;
  signedIn: boolean;
  canWrite: boolean;
  /** This user's active endorsements of this target (personal and for their organisations). */
  active: { id: number; organisationName: string | null; endorsedAt: Date }[];
  /** Organisations this user may sign for, with whether each has already endorsed this target. */
  signable: { id: string; name: string }[];
  personalActive: boolean;
}

export async function EndorsementPanel(p: Props) {
  const t = await getTranslations("endorse");
  const capacities = [
    ...(p.personalActive ? [] : [{ id: "personal", label: t("personal") }]),
    ...p.signable.map((o) => ({ id: o.id, label: t("onBehalf", { organisation: o.name }) })),
  ];
  return (
    <section id="endorse" aria-labelledby="endorse-heading" className="mt-8 scroll-mt-4 rounded border-2 border-blue-200 bg-blue-50/40 p-4" data-testid="endorsement-panel">
      <h2 id="endorse-heading" className="text-xl font-bold">{p.heading}</h2>
      <p className="mt-1 max-w-prose">{t("intro")}</p>
      {p.active.length ? (
        <ul className="mt-3 space-y-2" data-testid="active-endorsements">
          {p.active.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-x-4">
              <span>
                {e.organisationName
                  ? t("activeOrg", { organisation: e.organisationName, date: formatDate(e.endorsedAt, p.locale) })
                  : t("activePersonal", { date: formatDate(e.endorsedAt, p.locale) })}
              </span>
              {p.canWrite ? (
                <form action={withdrawEndorsementAction}>
                  <input type="hidden" name="endorsementId" value={e.id} />
                  <input type="hidden" name="returnTo" value={p.returnTo} />
                  <button type="submit" className="inline-flex min-h-11 cursor-pointer items-center text-blue-900 underline"
                    aria-label={e.organisationName ? t("withdrawOrg", { organisation: e.organisationName }) : t("withdrawPersonal")}>
                    {t("withdraw")}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {!p.signedIn ? (
        <p className="mt-3"><Link href="/signin" className="text-blue-900 underline">{t("signInPrompt")}</Link></p>
      ) : p.canWrite && capacities.length ? (
        <EndorseForm consultationSlug={p.consultationSlug} target={p.target} returnTo={p.returnTo} capacities={capacities} />
      ) : p.canWrite ? (
        <p className="mt-3">{t("allEndorsed")}</p>
      ) : null}
      <p className="mt-3">
        <Link href={`/consultations/${p.consultationSlug}/registry`} className="inline-flex min-h-11 items-center text-blue-900 underline">{t("registryLink")}</Link>
      </p>
    </section>
  );
}
