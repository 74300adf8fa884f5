import { z } from "zod";
import type { Db } from "@/db/client";
import {
  getOpenComment,
  getOpenConsultation,
  getOpenPrinciple,
  listOpenComments,
  listOpenConsultations,
  listOpenEndorsementEvents,
  listOpenEndorsements,
  listOpenLedgerPage,
  listOpenPrinciples,
  listOpenSummaries,
  openStatistics,
  type OpenCommentRow,
  type OpenConsultationRow,
  type OpenEndorsementRow,
  type OpenLedgerRow,
} from "@/db/queries/open-data";
import {
  API_PAGE_DEFAULT,
  MAX_ID,
  STAKEHOLDER_GROUPS,
  STANCES,
  type StakeholderGroup,
  type Stance,
  type SummarySection,
} from "@/lib/limits";
import {
  afterParam,
  commentOneSchema,
  commentPageSchema,
  consultationListSchema,
  consultationOneSchema,
  endorsementEventPageSchema,
  endorsementPageSchema,
  groupParam,
  ledgerSchema,
  limitParam,
  principleListSchema,
  principleParam,
  statisticsSchema,
  summaryListSchema,
  targetParam,
  type OpenComment,
  type OpenConsultation,
  type OpenEndorsement,
  type OpenLedgerEntry,
} from "@/lib/validation/open-data";
import type { ParsedParams } from "@/lib/rules/api-request";
import { defineEndpoint, InvalidParameter, type SomeEndpoint } from "./api";

/** The open data API's endpoints: what the routes under app/api/v1 serve and what the OpenAPI document lists. */

export const API_BASE = "/api/v1";
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const capacity = (organisational: boolean): "personal" | "on_behalf_of_organisation" =>
  organisational ? "on_behalf_of_organisation" : "personal";

// ---- Shapes shared with the CSV downloads -------------------------------------------------------------------

export function openConsultation(r: OpenConsultationRow): OpenConsultation {
  const base = `${API_BASE}/consultations/${r.slug}`;
  const csv = `/api/consultations/${r.slug}`;
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    titleHi: r.titleHi,
    description: r.description,
    descriptionHi: r.descriptionHi,
    status: r.status as OpenConsultation["status"],
    owner: r.ownerName ?? null,
    opensAt: iso(r.opensAt),
    closesAt: iso(r.closesAt),
    counterClosesAt: isoOrNull(r.counterClosesAt),
    summaryDueAt: isoOrNull(r.summaryDueAt),
    closedAt: isoOrNull(r.closedAt),
    principleCount: Number(r.sectionCount),
    updatedAt: isoOrNull(r.updatedAt),
    links: {
      self: base,
      principles: `${base}/principles`,
      comments: `${base}/comments`,
      endorsements: `${base}/endorsements`,
      endorsementEvents: `${base}/endorsements/events`,
      summaries: `${base}/summaries`,
      ledger: `${base}/ledger`,
      statistics: `${base}/statistics`,
      commentsCsv: `${csv}/comments`,
      endorsementsCsv: `${csv}/registry`,
      ledgerCsv: `${csv}/ledger`,
    },
  };
}

export function openComment(r: OpenCommentRow): OpenComment {
  return {
    id: r.id,
    principleId: r.principleId,
    principleSlug: r.principleSlug,
    principlePosition: r.principlePosition,
    parentId: r.parentId,
    rootId: r.rootId,
    depth: r.depth,
    state: r.state,
    stakeholderGroup: r.stakeholderGroup,
    stance: r.stance as OpenComment["stance"],
    language: r.language as OpenComment["language"],
    body: r.body,
    authorName: r.authorName,
    authorDesignation: r.authorDesignation,
    formerParticipant: r.formerParticipant,
    organisation:
      r.organisationId && r.organisationName ? { id: r.organisationId, name: r.organisationName, verified: r.organisationVerified } : null,
    offPlatformChannel: r.offPlatformChannel,
    createdAt: iso(r.createdAt),
    publishedAt: isoOrNull(r.publishedAt),
    editedAt: isoOrNull(r.editedAt),
    withdrawnAt: isoOrNull(r.withdrawnAt),
    hiddenUnderRule: r.hiddenUnderRule,
    citedInSummaryVersion: r.citedInSummaryVersion,
    campaignLeadId: r.campaignLeadId,
    cosigners: r.cosigners,
  };
}

export function openEndorsement(r: OpenEndorsementRow): OpenEndorsement {
  return {
    id: r.id,
    target: r.targetKey,
    principlePosition: r.principlePosition,
    stakeholderGroup: r.stakeholderGroup,
    name: r.name,
    designation: r.designation,
    formerParticipant: r.formerParticipant,
    organisation: r.organisationId && r.organisationName ? { id: r.organisationId, name: r.organisationName } : null,
    capacity: capacity(r.organisationId !== null),
    statement: r.statement,
    endorsedAt: iso(r.endorsedAt),
    withdrawnAt: isoOrNull(r.withdrawnAt),
  };
}

export function openLedgerEntry(r: OpenLedgerRow): OpenLedgerEntry {
  return {
    id: r.id,
    at: iso(r.at),
    action: r.action,
    ruleNumber: r.ruleNumber,
    actingRole: r.actorRole,
    principlePosition: r.principlePosition,
    authorStakeholderGroup: r.stakeholderGroup,
    appeal: !r.appealFiled ? "none" : ((r.appealOutcome ?? "pending") as OpenLedgerEntry["appeal"]),
  };
}

// ---- Endpoints ----------------------------------------------------------------------------------------------

const slugParam = z.string().regex(/^[a-z0-9-]{1,80}$/);
const idParam = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_ID);
export const consultationPath = { slug: slugParam.describe("The consultation's slug, e.g. paris-call") };
const page = { after: afterParam, limit: limitParam };

/** The address of the page after `cursor`, keeping the request's other parameters. */
function nextLink(url: URL, cursor: number | null): string | null {
  if (cursor === null) return null;
  const q = new URLSearchParams(url.searchParams);
  q.set("after", String(cursor));
  return `${url.pathname}?${q}`;
}

async function principleId(db: Db, consultationId: string, slug: string | undefined): Promise<string | undefined> {
  if (!slug) return undefined;
  const p = await getOpenPrinciple(db, consultationId, slug);
  if (!p) throw new InvalidParameter("principle", `"principle" names no principle of this consultation`);
  return p.id;
}

// ---- Filters, shared with the CSV downloads (same names, same parsing, same 400s) ---------------------------

export const commentFilters = { principle: principleParam };

export async function commentFilter(db: Db, consultationId: string, q: ParsedParams<typeof commentFilters>) {
  return { principleId: await principleId(db, consultationId, q.principle) };
}

export const endorsementFilters = { group: groupParam, target: targetParam };

export async function endorsementFilter(
  db: Db,
  consultationId: string,
  q: ParsedParams<typeof endorsementFilters>,
): Promise<{ group?: StakeholderGroup; target?: string }> {
  if (!q.target || q.target === "consultation") return { group: q.group, target: q.target };
  const p = await getOpenPrinciple(db, consultationId, q.target);
  if (!p) throw new InvalidParameter("target", `"target" is neither "consultation" nor a principle of this consultation`);
  return { group: q.group, target: p.id };
}

/** Counts in a fixed order (group, then stance or capacity), so that equal data always gives an equal body and ETag. */
function ordered<T extends { stakeholderGroup: StakeholderGroup; stance?: Stance; capacity?: string }>(rows: T[]): T[] {
  const rank = (r: T) =>
    STAKEHOLDER_GROUPS.indexOf(r.stakeholderGroup) * 10 + (r.stance ? STANCES.indexOf(r.stance) : r.capacity === "personal" ? 0 : 1);
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

const consultations = defineEndpoint({
  path: `${API_BASE}/consultations`,
  operationId: "listConsultations",
  summary: "Consultations",
  description: "Every public consultation (open or closed; drafts are never listed), with links to its data.",
  pathParams: {},
  query: {},
  response: consultationListSchema,
  load: async (db) => ({ data: (await listOpenConsultations(db)).map(openConsultation) }),
});

const consultation = defineEndpoint({
  path: `${API_BASE}/consultations/{slug}`,
  operationId: "getConsultation",
  summary: "One consultation",
  description: "A public consultation; a draft or unknown slug answers 404.",
  pathParams: consultationPath,
  query: {},
  response: consultationOneSchema,
  load: async (db, { slug }) => {
    const c = await getOpenConsultation(db, slug);
    return c ? { data: openConsultation(c) } : null;
  },
});

const principles = defineEndpoint({
  path: `${API_BASE}/consultations/{slug}/principles`,
  operationId: "listPrinciples",
  summary: "Principles of a consultation",
  description: "The principles (sections) in order, with their texts in English and Hindi and the latest summary version.",
  pathParams: consultationPath,
  query: {},
  response: principleListSchema,
  load: async (db, { slug }) => {
    const c = await getOpenConsultation(db, slug);
    if (!c) return null;
    const rows = await listOpenPrinciples(db, c.id);
    return { data: rows.map((p) => ({ ...p, updatedAt: iso(p.updatedAt) })) };
  },
});

const comments = defineEndpoint({
  path: `${API_BASE}/consultations/{slug}/comments`,
  operationId: "listComments",
  summary: "Comments",
  description:
    "Every comment and reply in the order they were made (by reference number), a page at a time. Comments that are awaiting moderation, hidden or withdrawn keep their place with their state, but without their text, stance or author.",
  pathParams: consultationPath,
  query: { ...page, ...commentFilters },
  response: commentPageSchema,
  load: async (db, { slug }, q, url) => {
    const c = await getOpenConsultation(db, slug);
    if (!c) return null;
    const result = await listOpenComments(db, {
      consultationId: c.id,
      ...(await commentFilter(db, c.id, q)),
      after: q.after,
      limit: q.limit ?? API_PAGE_DEFAULT,
    });
    return {
      data: result.rows.map(openComment),
      nextCursor: result.nextCursor === null ? null : String(result.nextCursor),
      next: nextLink(url, result.nextCursor),
    };
  },
});

const comment = defineEndpoint({
  path: `${API_BASE}/consultations/{slug}/comments/{id}`,
  operationId: "getComment",
  summary: "One comment",
  description: "A comment by its reference number, with the same fields as in the list.",
  pathParams: { ...consultationPath, id: idParam.describe("The comment's reference number") },
  query: {},
  response: commentOneSchema,
  load: async (db, { slug, id }) => {
    const c = await getOpenConsultation(db, slug);
    const row = c ? await getOpenComment(db, c.id, id) : undefined;
    return row ? { data: openComment(row) } : null;
  },
});

const endorsementList = defineEndpoint({
  path: `${API_BASE}/consultations/{slug}/endorsements`,
  operationId: "listEndorsements",
  summary: "Endorsement registry",
  description: "Every endorsement in the order it was made, withdrawn ones included (with the time of withdrawal), a page at a time.",
  pathParams: consultationPath,
  query: { ...page, ...endorsementFilters },
  response: endorsementPageSchema,
  load: async (db, { slug }, q, url) => {
    const c = await getOpenConsultation(db, slug);
    if (!c) return null;
    const result = await listOpenEndorsements(db, {
      consultationId: c.id,
      ...(await endorsementFilter(db, c.id, q)),
      after: q.after,
      limit: q.limit ?? API_PAGE_DEFAULT,
    });
    return {
      data: result.rows.map(openEndorsement),
      nextCursor: result.nextCursor === null ? null : String(result.nextCursor),
      next: nextLink(url, result.nextCursor),
    };
  },
});

const endorsementEvents = defineEndpoint({
  path: `${API_BASE}/consultations/{slug}/endorsements/events`,
  operationId: "listEndorsementEvents",
  summary: "Endorsement history",
  description: "The append-only history behind the registry: every endorse and withdraw event in order, a page at a time.",
  pathParams: consultationPath,
  query: page,
  response: endorsementEventPageSchema,
  load: async (db, { slug }, q, url) => {
    const c = await getOpenConsultation(db, slug);
    if (!c) return null;
    const result = await listOpenEndorsementEvents(db, { consultationId: c.id, after: q.after, limit: q.limit ?? API_PAGE_DEFAULT });
    return {
      data: result.rows.map((e) => ({
        id: e.id,
        endorsementId: e.endorsementId,
        action: e.action,
        target: e.targetKey,
        principlePosition: e.principlePosition,
        stakeholderGroup: e.stakeholderGroup,
        capacity: capacity(e.organisational),
        at: iso(e.at),
      })),
      nextCursor: result.nextCursor === null ? null : String(result.nextCursor),
      next: nextLink(url, result.nextCursor),
    };
  },
});

const summaries = defineEndpoint({
  path: `${API_BASE}/consultations/{slug}/summaries`,
  operationId: "listSummaries",
  summary: "Published summaries",
  description:
    "Every published version of every principle's summary in the order they were published, oldest first, with the comments each version cites, a page at a time.",
  pathParams: consultationPath,
  query: { ...page, principle: principleParam },
  response: summaryListSchema,
  load: async (db, { slug }, q, url) => {
    const c = await getOpenConsultation(db, slug);
    if (!c) return null;
    const result = await listOpenSummaries(db, {
      consultationId: c.id,
      principleId: await principleId(db, c.id, q.principle),
      after: q.after,
      limit: q.limit ?? API_PAGE_DEFAULT,
    });
    return {
      data: result.rows.map((v) => ({
        id: v.id,
        principleId: v.principleId,
        principleSlug: v.principleSlug,
        principlePosition: v.principlePosition,
        version: v.version,
        publishedAt: iso(v.publishedAt),
        publishedByRole: v.publishedByRole,
        sections: v.sections,
        citations: v.citations.map((x) => ({ commentId: x.commentId, section: x.section as SummarySection, commentState: x.state })),
      })),
      nextCursor: result.nextCursor === null ? null : String(result.nextCursor),
      next: nextLink(url, result.nextCursor),
    };
  },
});

const ledger = defineEndpoint({
  path: `${API_BASE}/consultations/{slug}/ledger`,
  operationId: "listLedger",
  summary: "Moderation ledger",
  description:
    "Every decision that hid or restored a comment, newest first, a page at a time (each page's cursor leads to older entries): when, under which rule, the acting role, the principle, the author's stakeholder group and the appeal. Never the text or who.",
  pathParams: consultationPath,
  query: page,
  response: ledgerSchema,
  load: async (db, { slug }, q, url) => {
    const c = await getOpenConsultation(db, slug);
    if (!c) return null;
    const result = await listOpenLedgerPage(db, { consultationId: c.id, after: q.after, limit: q.limit ?? API_PAGE_DEFAULT });
    return {
      data: result.rows.map(openLedgerEntry),
      nextCursor: result.nextCursor === null ? null : String(result.nextCursor),
      next: nextLink(url, result.nextCursor),
    };
  },
});

const statistics = defineEndpoint({
  path: `${API_BASE}/consultations/{slug}/statistics`,
  operationId: "getStatistics",
  summary: "Statistics by stakeholder group",
  description:
    "Published comments by stakeholder group and stance, active endorsements by group and capacity (per principle and in all), and hidden comments by group.",
  pathParams: consultationPath,
  query: {},
  response: statisticsSchema,
  load: async (db, { slug }) => {
    const c = await getOpenConsultation(db, slug);
    if (!c) return null;
    const s = await openStatistics(db, c.id);
    const stance = (rows: typeof s.commentRows) => {
      const sums = new Map<string, { stakeholderGroup: StakeholderGroup; stance: Stance; n: number }>();
      for (const r of rows) {
        const key = `${r.stakeholderGroup}:${r.stance}`;
        const prev = sums.get(key);
        if (prev) prev.n += r.n;
        else sums.set(key, { stakeholderGroup: r.stakeholderGroup, stance: r.stance, n: r.n });
      }
      return ordered([...sums.values()]);
    };
    const endorsed = (rows: typeof s.endorsementRows) => {
      const sums = new Map<string, { stakeholderGroup: StakeholderGroup; capacity: ReturnType<typeof capacity>; n: number }>();
      for (const r of rows) {
        const key = `${r.stakeholderGroup}:${r.organisational}`;
        const prev = sums.get(key);
        if (prev) prev.n += r.n;
        else sums.set(key, { stakeholderGroup: r.stakeholderGroup, capacity: capacity(r.organisational), n: r.n });
      }
      return ordered([...sums.values()]);
    };
    return {
      data: {
        comments: stance(s.commentRows),
        endorsements: endorsed(s.endorsementRows),
        hiddenComments: ordered(s.hiddenByGroup.map((r) => ({ stakeholderGroup: r.stakeholderGroup, n: Number(r.n) }))),
        principles: s.principles.map((p) => ({
          principleId: p.id,
          position: p.position,
          slug: p.slug,
          comments: stance(s.commentRows.filter((r) => r.principleId === p.id)),
          endorsements: endorsed(s.endorsementRows.filter((r) => r.targetKey === p.id)),
        })),
        consultationEndorsements: endorsed(s.endorsementRows.filter((r) => r.targetKey === "consultation")),
      },
    };
  },
});

/** Every data endpoint, in the order the OpenAPI document and the API page list them. */
export const OPEN_DATA_ENDPOINTS = {
  consultations,
  consultation,
  principles,
  comments,
  comment,
  endorsements: endorsementList,
  endorsementEvents,
  summaries,
  ledger,
  statistics,
} satisfies Record<string, SomeEndpoint>;
export type EndpointName = keyof typeof OPEN_DATA_ENDPOINTS;
