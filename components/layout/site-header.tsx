import { getTranslations } from "next-intl/server";
import type { Role, StakeholderGroup } from "@/lib/limits";
import { signOut } from "@/lib/actions/account";
import { Link } from "@/lib/i18n/navigation";
import { isStaffRole } from "@/lib/rules/roles";
import type { Locale } from "@/lib/i18n/routing";
import { SearchForm } from "@/components/search/search-form";
import { LanguageSwitch } from "./language-switch";

const navLink = "inline-flex min-h-11 items-center rounded px-2 text-blue-900 underline-offset-4 hover:underline";

/** Who is signed in, as far as the header needs to know. */
export interface HeaderUser {
  name: string;
  role: Role;
  stakeholderGroup: StakeholderGroup;
}

export async function SiteHeader({ locale, user }: { locale: Locale; user: HeaderUser | null }) {
  const t = await getTranslations("header");
  const tg = await getTranslations("groups");
  const tm = await getTranslations("moderation");
  const to = await getTranslations("organisations");
  const ta = await getTranslations("admin");
  const tc = await getTranslations("contributions");
  const ts = await getTranslations("summary");
  const tsearch = await getTranslations("search");
  const tf = await getTranslations("feedback");
  return (
    <header className="border-b border-slate-300 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-4 focus:py-2"
      >
        {t("skip")}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <div>
          <Link href="/" className="text-2xl font-bold text-blue-950 no-underline">
            {t("productName")}
          </Link>
          <p className="text-sm text-slate-700">{t("tagline")}</p>
        </div>
        <nav aria-label={t("navLabel")} className="flex flex-wrap items-center gap-x-2">
          <Link href="/" className={navLink}>
            {t("home")}
          </Link>
          {user ? (
            <>
              <Link href="/profile" className={navLink}>
                {t("profile")}
              </Link>
              <Link href="/notifications" className={navLink}>
                {tm("navNotifications")}
              </Link>
              <Link href="/my-contributions" className={navLink}>
                {tc("navContributions")}
              </Link>
              {isStaffRole(user.role) ? (
                <>
                  <Link href="/moderate" className={navLink}>
                    {tm("navModerate")}
                  </Link>
                  <Link href="/moderate/organisations" className={navLink}>
                    {to("navOrganisations")}
                  </Link>
                  <Link href="/moderate/summaries" className={navLink}>
                    {ts("editorTitle")}
                  </Link>
                </>
              ) : null}
              {user.role === "admin" ? (
                <>
                  <Link href="/admin/users" className={navLink}>
                    {ta("navUsers")}
                  </Link>
                  <Link href="/admin/audit" className={navLink}>
                    {ta("navAudit")}
                  </Link>
                  <Link href="/admin/feedback" className={navLink}>
                    {tf("adminNav")}
                  </Link>
                  <Link href="/admin/outbox" className={navLink}>
                    {(await getTranslations("outbox"))("nav")}
                  </Link>
                  <Link href="/admin/grievances" className={navLink}>
                    {(await getTranslations("grievance"))("adminNav")}
                  </Link>
                </>
              ) : null}
              <form action={signOut} data-sign-out>
                <button type="submit" className={`${navLink} cursor-pointer underline`}>
                  {t("signOut")}
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/signin" className={navLink}>
                {t("signIn")}
              </Link>
              <Link href="/signup" className={navLink}>
                {t("signUp")}
              </Link>
            </>
          )}
          <LanguageSwitch to={locale === "en" ? "hi" : "en"} label={t("switchLanguage")} />
        </nav>
        {/* The same place on every page, after the navigation (GIGW): a plain GET form, so it needs no script. */}
        <SearchForm
          action={`/${locale}/search`}
          id="site-search"
          label={tsearch("label")}
          landmark={tsearch("siteLandmark")}
          submit={tsearch("submit")}
          size="compact"
        />
      </div>
      {user ? (
        <p className="mx-auto max-w-5xl px-4 pb-2 text-sm text-slate-700" data-testid="signed-in-as">
          {t("signedInAs", { name: user.name, group: tg(user.stakeholderGroup) })}
        </p>
      ) : null}
    </header>
  );
}
