import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { GrievanceForm } from "@/components/privacy/grievance-form";
import { PageHeading } from "@/components/ui/page-heading";
import { getCurrentUser } from "@/lib/auth/session";
import { authSecret } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { signFormStamp } from "@/lib/rules/form-timing";

type Props = { params: Promise<{ locale: string }> };

/** The contact page's grievance officer (fictional in the demonstration); the .example domain receives no mail. */
const OFFICER_EMAIL = "grievance@samvad.example";
const FIELDS = ["role", "address", "response"] as const;

/** When the form was shown, signed: the action refuses a form sent back faster than a person writes. */
function formStamp(): string {
  return signFormStamp(Date.now(), authSecret());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("grievance"))("title") };
}

/** The grievance officer (DPDP Act 2023, s. 8(10); GIGW) and a form whose submissions reach the admins. */
export default async function GrievancePage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("grievance");
  const tc = await getTranslations("sitePages.contact");
  const user = await getCurrentUser();
  const prefill = user && !user.email.endsWith("@invalid") ? { name: user.name, email: user.email } : { name: "", email: "" };
  return (
    <article className="max-w-prose">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-4 text-lg">{t("intro")}</p>
      <section aria-labelledby="officer-heading" className="mt-6" data-testid="grievance-officer">
        <h2 id="officer-heading" className="text-xl font-bold text-blue-950">
          {t("officerHeading")}
        </h2>
        <p className="mt-2 rounded border-2 border-amber-700 bg-amber-50 p-3 font-medium text-amber-950">{t("demoNote")}</p>
        <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{tc("labels.name")}</dt>
          <dd>{tc("grievance.name")}</dd>
          <dt className="font-semibold">{tc("labels.email")}</dt>
          <dd>
            <a href={`mailto:${OFFICER_EMAIL}`} className="text-blue-900 underline underline-offset-4" lang="en">
              {OFFICER_EMAIL}
            </a>
          </dd>
          {FIELDS.map((f) => (
            <div key={f} className="contents">
              <dt className="font-semibold">{tc(`labels.${f}`)}</dt>
              <dd className={f === "address" ? "whitespace-pre-line" : undefined}>{tc(`grievance.${f}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2">
          <Link href="/privacy" className="text-blue-900 underline underline-offset-4">
            {(await getTranslations("privacy"))("title")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="grievance-form-heading" className="mt-8">
        <h2 id="grievance-form-heading" className="mb-2 text-xl font-bold text-blue-950">
          {t("formHeading")}
        </h2>
        {user ? <p className="mb-4 text-sm text-slate-700">{t("signedInNote")}</p> : null}
        <ClientMessages namespaces={["grievance"]}>
          <GrievanceForm formToken={crypto.randomUUID()} stamp={formStamp()} prefill={prefill} />
        </ClientMessages>
      </section>
    </article>
  );
}
