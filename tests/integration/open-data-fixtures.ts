import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { consultations, organisations, users } from "@/db/schema";
import { decideCosigning, requestCosigning } from "@/lib/commands/campaigns";
import { withdrawComment } from "@/lib/commands/comments";
import { endorse, withdrawEndorsement } from "@/lib/commands/endorsements";
import { moderateComment } from "@/lib/commands/moderation";
import { publishSummary, saveSummary } from "@/lib/commands/summaries";
import { serveEndpoint, type ApiContext, type SomeEndpoint } from "@/lib/http/api";
import { addMembership, newActor, newOrganisation } from "./consultation-fixtures";
import { moderatedConsultation, newStaff, postComment } from "./moderation-fixtures";

/** A generous bucket, so only a rate-limit test meets the limit. */
export const WIDE = { capacity: 10_000, refillMs: 1 };

export const CAMPAIGN_TEXT = "We ask that the principle name hospitals and water works among the infrastructure it protects.";
export const SECRETS = ["WITHDRAWN-OPEN-DATA-TEXT", "HIDDEN-OPEN-DATA-TEXT", "HELD-OPEN-DATA-TEXT"];

/**
 * A consultation with everything the open data must get right at once: a campaign group whose first comment is
 * hidden (so the group's public entry is its second), a joint submission with one confirmed and one pending
 * co-signer, a withdrawn, a hidden and a held comment, a restore in the ledger, summaries on two principles
 * (three versions), endorsements personal and organisational, one withdrawn, and an endorser who erased their account.
 */
export async function openDataScene(db: Db) {
  const c = await moderatedConsultation(db);
  const first = { slug: c.slug, principleSlug: c.principles[0]!.slug };
  const second = { slug: c.slug, principleSlug: c.principles[1]!.slug };
  const moderator = await newStaff(db, "moderator");
  const hide = async (commentId: number) => {
    const r = await moderateComment(db, moderator, { commentId, action: "hide", ruleId: c.rules[0]!.id, note: "" });
    expect(r.ok).toBe(true);
    return r;
  };

  const named = await postComment(db, await newActor(db, "academia"), first, { body: "A published comment for the open data." });
  // The campaign: three near-identical copies from three people; the first is hidden.
  const copies: number[] = [];
  for (const group of ["civil_society", "academia", "government"] as const) {
    copies.push(await postComment(db, await newActor(db, group), first, { body: CAMPAIGN_TEXT }));
  }
  const campaign = { hiddenLead: copies[0]!, entry: copies[1]!, member: copies[2]! };
  await hide(campaign.hiddenLead);

  // A joint submission: the author speaks for one organisation, A confirmed co-signing, B was asked and has not answered.
  const author = await newActor(db, "civil_society");
  const own = await newOrganisation(db, { stakeholderGroup: "civil_society" });
  await addMembership(db, author.id, own, { verified: true, maySign: true });
  const orgA = await newOrganisation(db, { stakeholderGroup: "academia" });
  const orgB = await newOrganisation(db, { stakeholderGroup: "technical_community" });
  const repA = await newActor(db, "academia");
  await addMembership(db, repA.id, orgA, { verified: true, maySign: true });
  const joint = await postComment(db, author, first, {
    body: "Our organisations jointly ask for a review after two years.",
    capacity: own,
    stance: "supports_with_changes",
  });
  for (const organisationId of [orgA, orgB]) {
    expect(await requestCosigning(db, author, { commentId: joint, organisationId })).toMatchObject({ ok: true, added: true });
  }
  expect(await decideCosigning(db, repA, { commentId: joint, organisationId: orgA, decision: "confirmed" })).toMatchObject({ ok: true });

  const withdrawer = await newActor(db, "private_sector");
  const withdrawn = await postComment(db, withdrawer, first, { body: "WITHDRAWN-OPEN-DATA-TEXT by its author." });
  expect((await withdrawComment(db, withdrawer, { commentId: withdrawn })).ok).toBe(true);
  const hidden = await postComment(db, await newActor(db, "government"), second, { body: "HIDDEN-OPEN-DATA-TEXT under rule one." });
  await hide(hidden);
  // Hidden and restored: the ledger holds a restore too.
  const restored = await postComment(db, await newActor(db, "technical_community"), second, { body: "Hidden by mistake, then restored." });
  await hide(restored);
  const restore = await moderateComment(db, moderator, { commentId: restored, action: "restore", ruleId: null, note: "" });
  expect(restore.ok).toBe(true);

  // Summaries: two versions of the first principle's, one of the second's.
  for (const [principleId, text] of [
    [c.principles[0]!.id, `Participants support it [#${named}].`],
    [c.principles[1]!.id, `A restored comment asks for care [#${restored}].`],
    [c.principles[0]!.id, `Participants support it [#${named}], some jointly [#${joint}].`],
  ] as const) {
    expect((await saveSummary(db, moderator, { principleId, sections: { overview: text } })).ok).toBe(true);
    expect(await publishSummary(db, moderator, { principleId })).toMatchObject({ ok: true });
  }

  // Endorsements: personal and withdrawn, for an organisation, and one by a person who then erased their account.
  const endorser = await newActor(db, "academia");
  const e1 = await endorse(db, endorser, {
    consultationSlug: c.slug,
    input: { target: "consultation", capacity: "personal", statement: "" },
  });
  if (!e1.ok) throw new Error("endorse refused");
  expect((await withdrawEndorsement(db, endorser, { endorsementId: e1.id })).ok).toBe(true);
  const forOrg = await endorse(db, author, {
    consultationSlug: c.slug,
    input: { target: c.principles[1]!.id, capacity: own, statement: "We back this principle." },
  });
  expect(forOrg.ok).toBe(true);
  const leaver = await newActor(db, "government");
  expect(
    (await endorse(db, leaver, { consultationSlug: c.slug, input: { target: c.principles[0]!.id, capacity: "personal", statement: "" } }))
      .ok,
  ).toBe(true);
  await db.update(users).set({ erasedAt: new Date() }).where(eq(users.id, leaver.id));

  // Last, as pre-moderation holds it: a comment awaiting a moderator.
  await db.update(consultations).set({ preModeration: true }).where(eq(consultations.id, c.consultationId));
  const held = await postComment(db, await newActor(db, "academia"), second, { body: "HELD-OPEN-DATA-TEXT awaiting a moderator." });

  const orgName = async (id: string) =>
    (await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id)))[0]!.name;
  return {
    c,
    ids: { named, joint, withdrawn, hidden, restored, held, ...campaign },
    orgs: { own, orgA: { id: orgA, name: await orgName(orgA) }, orgB: { id: orgB, name: await orgName(orgB) } },
  };
}
export type OpenDataScene = Awaited<ReturnType<typeof openDataScene>>;

/** One GET of an endpoint through the function the routes call; the JSON body parsed (none on a 304). */
export async function apiGet(
  ctx: ApiContext,
  endpoint: SomeEndpoint,
  path: Record<string, string>,
  query = "",
  headers: Record<string, string> = {},
) {
  const url = `http://localhost${endpoint.path.replace(/\{(\w+)\}/g, (_, k: string) => path[k] ?? "")}${query}`;
  const res = await serveEndpoint(endpoint, new Request(url, { headers }), path, { ...ctx, now: new Date() });
  const text = res.status === 304 ? "" : await res.text();
  return { res, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
