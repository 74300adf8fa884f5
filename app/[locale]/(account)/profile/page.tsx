import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ResendConfirmationForm } from "@/components/account/email-confirmation-forms";
import { PasswordForm } from "@/components/account/password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { MembershipList } from "@/components/account/membership-list";
import { CosignRequestsLink } from "@/components/campaigns/cosign-requests";
import { Notice } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { listOrganisations } from "@/db/queries/organisations";
import { latestEmailTo } from "@/db/queries/outbox";
import { isAccountHeld, listMembershipsOfUser } from "@/db/queries/users";
import { signOut } from "@/lib/actions/account";
import { isDemoMode } from "@/lib/auth/config";
import { requireUser } from "@/lib/auth/guards";
import { Link } from "@/lib/i18n/navigation";
import { groupLabels, languageLabels, pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ welcome?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("profile"))("title") };
}

/** A demo sends no mail: the profile shows the link from the newest queued message, as a path on this site. */
function confirmationPath(body: string): string | null {
  const url = /https?:\/\/\S+\/confirm-email\?token=[A-Za-z0-9_-]+/.exec(body)?.[0];
  if (!url) return null;
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

export default async function ProfilePage({ params, searchParams }: Props) {
  await pageLocale(params);
  const user = await requireUser();
  const { welcome } = await searchParams;
  const t = await getTranslations("profile");
  const tg = await getTranslations("groups");
  const tr = await getTranslations("roles");
  const db = await getDb();
  const tc = await getTranslations("emailConfirmation");
  const [memberships, organisations, groups, languages, latestEmail, held] = await Promise.all([
    listMembershipsOfUser(db, user.id),
    listOrganisations(db),
    groupLabels(),
    languageLabels(),
    !user.emailConfirmedAt && isDemoMode() ? latestEmailTo(db, user.id) : undefined,
    isAccountHeld(db, user.id),
  ]);
  const demoLink = latestEmail ? confirmationPath(latestEmail.body) : null;
  return (
    <div>
      {welcome ? (
        <Notice tone="success" testId="welcome">
          {t("welcome")}
        </Notice>
      ) : null}
      {held ? (
        <Notice tone="info" testId="account-held">
          {t("heldNotice")}
        </Notice>
      ) : null}
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-2 text-lg" data-testid="profile-summary">
        <span className="font-semibold">{user.name}</span> · {t("summary", { group: tg(user.stakeholderGroup), role: tr(user.role) })}
      </p>
      <p className="mt-1 text-slate-700">
        {t("emailLabel")}: <span lang="en">{user.email}</span>{" "}
        <Link href="/profile/email" className="inline-flex min-h-11 items-center text-blue-900 underline">
          {(await getTranslations("emailChange"))("heading")}
        </Link>
      </p>

      {user.emailConfirmedAt ? null : (
        <section
          aria-labelledby="email-heading"
          className="mt-6 rounded border-2 border-blue-700 bg-blue-50 p-4"
          data-testid="email-unconfirmed"
        >
          <h2 id="email-heading" className="text-xl font-bold">
            {tc("heading")}
          </h2>
          <p className="mt-1 max-w-prose">{tc("pending", { email: user.email })}</p>
          <p className="mt-1 max-w-prose">{tc("why")}</p>
          {demoLink ? (
            <p className="mt-2 max-w-prose" data-testid="demo-email-link">
              {tc("demoNote")}{" "}
              <a href={demoLink} className="text-blue-900 underline">
                {tc("demoLinkText")}
              </a>
            </p>
          ) : null}
          <ResendConfirmationForm />
        </section>
      )}

      <section aria-labelledby="memberships-heading" className="mt-8">
        <h2 id="memberships-heading" className="text-2xl font-bold">
          {t("membershipsHeading")}
        </h2>
        <MembershipList memberships={memberships} groupLabels={groups} />
        {memberships.some((m) => m.maySign && m.membershipVerified && m.organisationVerified) ? <CosignRequestsLink /> : null}
      </section>

      <section aria-labelledby="details-heading" className="mt-8">
        <h2 id="details-heading" className="mb-4 text-2xl font-bold">
          {t("detailsHeading")}
        </h2>
        <ProfileForm
          current={{
            name: user.name,
            stakeholderGroup: user.stakeholderGroup,
            designation: user.designation,
            language: user.preferredLanguage,
          }}
          organisations={organisations}
          groupLabels={groups}
          languageLabels={languages}
        />
      </section>

      <section aria-labelledby="password-heading" className="mt-10">
        <h2 id="password-heading" className="text-2xl font-bold">
          {t("passwordHeading")}
        </h2>
        <p className="mt-1 mb-4">{t("passwordNote")}</p>
        <PasswordForm />
      </section>

      <p className="mt-10">
        <Link href="/my-data" className="text-blue-900 underline underline-offset-4" data-testid="my-data-link">
          {t("myDataLink")}
        </Link>
      </p>

      <section aria-labelledby="session-heading" className="mt-10">
        <h2 id="session-heading" className="text-2xl font-bold">
          {t("sessionHeading")}
        </h2>
        <p className="mt-1 mb-4 max-w-prose">{t("sessionNote")}</p>
        <form action={signOut} data-sign-out>
          <button
            type="submit"
            className="inline-flex min-h-11 cursor-pointer items-center rounded border-2 border-blue-800 px-5 font-semibold text-blue-900 hover:bg-blue-50"
          >
            {(await getTranslations("header"))("signOut")}
          </button>
        </form>
      </section>
    </div>
  );
}
