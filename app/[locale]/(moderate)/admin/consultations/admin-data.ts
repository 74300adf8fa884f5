import { notFound } from "next/navigation";
import type { OrganisationGroup } from "@/components/consultation-admin/consultation-form";
import type { Db } from "@/db/client";
import { getConsultationForAdmin, listSectionsForAdmin } from "@/db/queries/consultation-admin";
import { listOrganisations } from "@/db/queries/organisations";
import { STAKEHOLDER_GROUPS } from "@/lib/limits";
import { sectionFieldName } from "@/lib/validation/consultations";

/** The consultation an admin page is about, by the id in its URL; anything else is a 404. */
export async function consultationOr404(db: Db, id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) notFound();
  const c = await getConsultationForAdmin(db, id);
  if (!c) notFound();
  return c;
}

/** Organisations for the owner select, grouped by stakeholder group in the catalogue's order. */
export async function organisationGroups(
  db: Db,
  groupLabel: (g: (typeof STAKEHOLDER_GROUPS)[number]) => string,
): Promise<OrganisationGroup[]> {
  const all = await listOrganisations(db);
  return STAKEHOLDER_GROUPS.map((g) => ({
    label: groupLabel(g),
    options: all.filter((o) => o.stakeholderGroup === g).map((o) => ({ id: o.id, name: o.name })),
  })).filter((g) => g.options.length > 0);
}

/** A saved consultation as the form's values (the same field names the form sends). */
export async function formValuesOf(db: Db, c: Awaited<ReturnType<typeof consultationOr404>>) {
  const sections = await listSectionsForAdmin(db, c.id);
  const values: Record<string, string> = {
    slug: c.slug,
    title: c.title,
    titleHi: c.titleHi ?? "",
    description: c.description,
    descriptionHi: c.descriptionHi ?? "",
    ownerOrganisationId: c.ownerOrganisationId ?? "",
    hindi: c.languages.includes("hi") ? "yes" : "",
    referencePrefix: c.referencePrefix,
  };
  sections.forEach((s, i) => {
    Object.assign(values, {
      [sectionFieldName(i, "key")]: "1",
      [sectionFieldName(i, "id")]: s.id,
      [sectionFieldName(i, "title")]: s.title,
      [sectionFieldName(i, "titleHi")]: s.titleHi ?? "",
      [sectionFieldName(i, "body")]: s.body,
      [sectionFieldName(i, "bodyHi")]: s.bodyHi ?? "",
      [sectionFieldName(i, "explainer")]: s.explainer ?? "",
      [sectionFieldName(i, "explainerHi")]: s.explainerHi ?? "",
    });
  });
  return { values, sectionComments: Object.fromEntries(sections.map((s) => [s.id, s.comments])), sections };
}
