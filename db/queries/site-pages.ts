import { asc, desc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { consultations, principles } from "../schema";

/**
 * The consultation the footer's "Moderation policy" and "Moderation ledger" links lead to: the most recently
 * opened of the open ones, else the most recently opened of all that are public. One indexed row per page.
 */
export async function getFooterConsultation(db: Db): Promise<{ slug: string } | undefined> {
  const [row] = await db
    .select({ slug: consultations.slug })
    .from(consultations)
    .where(ne(consultations.status, "draft"))
    .orderBy(desc(sql`${consultations.status} = 'open'`), desc(consultations.opensAt))
    .limit(1);
  return row;
}

/** Every public consultation with its sections in order, for the sitemap and the moderation policies page. */
export async function listPublicConsultationsWithSections(db: Db) {
  const rows = await db
    .select({
      id: consultations.id,
      slug: consultations.slug,
      title: consultations.title,
      titleHi: consultations.titleHi,
      status: consultations.status,
      sectionSlug: principles.slug,
      sectionTitle: principles.title,
      sectionTitleHi: principles.titleHi,
    })
    .from(consultations)
    .leftJoin(principles, eq(principles.consultationId, consultations.id))
    .where(ne(consultations.status, "draft"))
    .orderBy(desc(sql`${consultations.status} = 'open'`), desc(consultations.opensAt), asc(principles.position));
  const out: {
    slug: string;
    title: string;
    titleHi: string | null;
    status: string;
    sections: { slug: string; title: string; titleHi: string | null }[];
  }[] = [];
  for (const r of rows) {
    let c = out.at(-1);
    if (c?.slug !== r.slug) {
      c = { slug: r.slug, title: r.title, titleHi: r.titleHi, status: r.status, sections: [] };
      out.push(c);
    }
    if (r.sectionSlug && r.sectionTitle) c.sections.push({ slug: r.sectionSlug, title: r.sectionTitle, titleHi: r.sectionTitleHi });
  }
  return out;
}
