import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { listUsersForAdmin, listVerifiedMembershipsOf } from "@/db/queries/users";
import { ROLES } from "@/lib/limits";
import { submitRoleChange, submitSigningAuthority } from "@/lib/actions/organisations";
import { requireRole } from "@/lib/auth/guards";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("admin"))("usersTitle") };
}

const button = "min-h-11 cursor-pointer rounded border-2 border-blue-800 px-3 font-semibold text-blue-900 hover:bg-blue-50";

/** Admins only: ROLES, and who may sign for which organisation. */
export default async function AdminUsersPage({ params, searchParams }: Props) {
  await pageLocale(params);
  const user = await requireRole("admin");
  const { q = "" } = await searchParams;
  const db = await getDb();
  const people = await listUsersForAdmin(db, q.slice(0, 100));
  const memberships = await listVerifiedMembershipsOf(
    db,
    people.map((p) => p.id),
  );
  const t = await getTranslations("admin");
  const tr = await getTranslations("roles");
  const tg = await getTranslations("groups");
  return (
    <div>
      <PageHeading>{t("usersTitle")}</PageHeading>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="user-search" className="block font-semibold">
            {t("search")}
          </label>
          <input
            id="user-search"
            name="q"
            type="search"
            defaultValue={q}
            className="mt-1 min-h-11 rounded border-2 border-slate-600 px-2"
          />
        </div>
        <button type="submit" className={button}>
          {t("searchSubmit")}
        </button>
      </form>
      <ul className="mt-6 space-y-4" data-testid="users">
        {people.map((p) => (
          <li key={p.id} className="rounded border border-slate-300 p-4" data-testid="user-row" data-email={p.email}>
            <p className="font-semibold">
              {p.name} · <span lang="en">{p.email}</span> · {tg(p.stakeholderGroup)} · {tr(p.role)}
            </p>
            {p.id === user.id ? (
              <p className="mt-1 text-sm">{t("self")}</p>
            ) : (
              <form action={submitRoleChange} className="mt-2 flex flex-wrap items-end gap-3">
                <input type="hidden" name="userId" value={p.id} />
                <div>
                  <label htmlFor={`role-${p.id}`} className="block text-sm font-semibold">
                    {t("changeRole", { name: p.name })}
                  </label>
                  <select
                    id={`role-${p.id}`}
                    name="role"
                    defaultValue={p.role}
                    className="mt-1 min-h-11 rounded border-2 border-slate-600 bg-white px-2"
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {tr(r)}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className={button}>
                  {t("save")}
                </button>
              </form>
            )}
            {memberships
              .filter((m) => m.userId === p.id)
              .map((m) => (
                <form key={m.organisationId} action={submitSigningAuthority} className="mt-2">
                  <input type="hidden" name="userId" value={p.id} />
                  <input type="hidden" name="organisationId" value={m.organisationId} />
                  <input type="hidden" name="maySign" value={m.maySign ? "no" : "yes"} />
                  <button type="submit" className={button}>
                    {m.maySign ? t("revoke", { organisation: m.name }) : t("grant", { organisation: m.name })}
                  </button>
                </form>
              ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
