import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, ne, notExists, sql } from "drizzle-orm";
import { publicBaseUrl } from "@/lib/auth/config";
import { mailText } from "@/lib/email/messages";
import { unsubscribeUrl } from "@/lib/email/unsubscribe";
import type { Language, NotificationKind } from "@/lib/limits";
import { CLOSING_SOON_MS, OPENING_ANNOUNCE_WINDOW_MS, preferenceOf, type NotificationPreferenceKind } from "@/lib/rules/email-delivery";
import type { Db } from "../client";
import {
  comments,
  consultationAnnouncements,
  consultations,
  grievances,
  memberships,
  notificationPreferences,
  notifications,
  organisations,
  principles,
  summaryVersions,
  users,
} from "../schema";
import { enqueueEmails, type OutboundEmail } from "./outbox";
import type { Tx } from "./tx";

export interface NotificationInput {
  userId: string;
  kind: NotificationKind;
  /** Makes the notification happen once per user, however often the write that causes it is retried. */
  dedupeKey: string;
  decisionId?: number | null;
  commentId?: number | null;
  summaryVersionId?: number | null;
  consultationId?: string | null;
  organisationId?: string | null;
  grievanceId?: number | null;
}

type Recipient = { id: string; email: string; name: string; preferredLanguage: Language };

/** Whether a participant wants mail of this kind: no preferences row means every kind. */
function wants(kind: NotificationPreferenceKind) {
  return sql<boolean>`coalesce((select ${sql.identifier(kind)} from ${notificationPreferences} np where np.user_id = "users"."id"), true)`;
}

/**
 * Whose address notification mail may go to: a live account whose address its holder proved by following the
 * emailed link. An address typed at sign-up and never confirmed may be someone else's, so it gets account mail
 * (the confirmation itself, resets, email changes) but nothing else; the in-app notification is written anyway.
 */
const mailable = and(isNull(users.erasedAt), isNotNull(users.emailConfirmedAt));

/** The address a notification email links to, in the recipient's language. */
function linkFor(lang: Language, n: Pick<NotificationInput, "kind" | "commentId">, consultationSlug?: string): string {
  const base = `${publicBaseUrl()}/${lang}`;
  if (n.kind === "reply" && n.commentId) return `${base}/comments/${n.commentId}`;
  if ((n.kind === "consultation_opened" || n.kind === "consultation_closing") && consultationSlug)
    return `${base}/consultations/${consultationSlug}`;
  if (n.kind === "cosign_request") return `${base}/cosign`;
  return `${base}/notifications`;
}

/** What a notification's email names besides the recipient: a consultation, or the organisations of a co-signing request. */
export type NotificationMailDetails = { title?: string; slug?: string; closes?: Date; organisation?: string; by?: string };

/** The email for one notification, from the catalogue in the recipient's language, with its unsubscribe link. */
export function composeNotificationEmail(
  r: Recipient,
  n: Pick<NotificationInput, "kind" | "commentId">,
  extra: NotificationMailDetails = {},
): OutboundEmail {
  const t = mailText(r.preferredLanguage);
  const pref = preferenceOf(n.kind);
  if (pref === null) throw new Error(`composeNotificationEmail: ${n.kind} notifications are told in the app only`);
  const unsubscribe = unsubscribeUrl(r.id, pref);
  const closes = extra.closes
    ? new Intl.DateTimeFormat(`${r.preferredLanguage}-IN`, { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Kolkata" }).format(
        extra.closes,
      )
    : "";
  const values = { title: extra.title ?? "", closes, organisation: extra.organisation ?? "", by: extra.by ?? "" };
  const body = [
    t("greeting", { name: r.name }),
    t(`notification.${n.kind}.body`, values),
    t("openLink", { link: linkFor(r.preferredLanguage, n, extra.slug) }),
    t("notificationFooter", {
      what: t(`preference.${pref}`),
      unsubscribe,
      settings: `${publicBaseUrl()}/${r.preferredLanguage}/notifications/settings`,
    }),
    t("signature"),
  ].join("\n\n");
  return {
    userId: r.id,
    toAddress: r.email,
    subject: t(`notification.${n.kind}.subject`, values),
    body,
    unsubscribeUrl: unsubscribe,
  };
}

/**
 * Tells one participant about something, in the caller's transaction: the in-app notification, and the email
 * if they want that kind and their address is confirmed. A second call with the same dedupe key (a retried
 * write) does nothing. Erased accounts get no email. Returns whether the notification is new.
 */
export async function notify(tx: Tx, n: NotificationInput, now = new Date(), mail: NotificationMailDetails = {}): Promise<boolean> {
  const inserted = await tx
    .insert(notifications)
    .values({
      userId: n.userId,
      kind: n.kind,
      dedupeKey: n.dedupeKey,
      decisionId: n.decisionId ?? null,
      commentId: n.commentId ?? null,
      summaryVersionId: n.summaryVersionId ?? null,
      consultationId: n.consultationId ?? null,
      organisationId: n.organisationId ?? null,
      grievanceId: n.grievanceId ?? null,
      createdAt: now,
    })
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey], where: sql`dedupe_key is not null` })
    .returning({ id: notifications.id });
  if (inserted.length === 0) return false;
  const pref = preferenceOf(n.kind);
  if (pref === null) return true;
  const [r] = await tx
    .select({ id: users.id, email: users.email, name: users.name, preferredLanguage: users.preferredLanguage })
    .from(users)
    .where(and(eq(users.id, n.userId), mailable, wants(pref)));
  if (r) await enqueueEmails(tx, [composeNotificationEmail(r, n, mail)], now);
  return true;
}

/**
 * A joint submission's author asked an organisation to co-sign: each of its authorised representatives (verified
 * members with the authority to sign, of the verified organisation) is told, once per request, except the author
 * (who may happen to sign for both). Called in the transaction that adds the request.
 */
export async function notifyCosignRequest(
  tx: Tx,
  p: { commentId: number; organisationId: string; authorId: string | null },
  now = new Date(),
): Promise<number> {
  const [names] = await tx
    .select({
      organisation: organisations.name,
      by: sql<string>`coalesce((select o2.name from organisations o2 join comments c on c.organisation_id = o2.id where c.id = ${p.commentId}), '')`,
    })
    .from(organisations)
    .where(eq(organisations.id, p.organisationId));
  if (!names) return 0;
  const representatives = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, p.organisationId),
        isNotNull(memberships.verifiedAt),
        eq(memberships.maySign, true),
        isNotNull(organisations.verifiedAt),
        isNull(users.erasedAt),
        p.authorId ? ne(users.id, p.authorId) : undefined,
      ),
    )
    .orderBy(asc(memberships.userId));
  let told = 0;
  for (const r of representatives) {
    const fresh = await notify(
      tx,
      {
        userId: r.userId,
        kind: "cosign_request",
        commentId: p.commentId,
        organisationId: p.organisationId,
        dedupeKey: `cosign:${p.commentId}:${p.organisationId}`,
      },
      now,
      { organisation: names.organisation, by: names.by },
    );
    if (fresh) told++;
  }
  return told;
}

/** A new grievance tells every administrator in the app (called in the transaction that stores it). */
export async function notifyGrievance(tx: Tx, grievanceId: number, now = new Date()): Promise<void> {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.erasedAt)))
    .orderBy(asc(users.id));
  for (const a of admins) {
    await notify(tx, { userId: a.id, kind: "grievance", grievanceId, dedupeKey: `grievance:${grievanceId}` }, now);
  }
}

/** A reply to someone else's comment tells the parent's author (called where the reply is inserted). */
export async function notifyReply(tx: Tx, p: { replyId: number; parentId: number; authorId: string }, now = new Date()) {
  const [parent] = await tx.select({ authorId: comments.authorId }).from(comments).where(eq(comments.id, p.parentId));
  if (!parent?.authorId || parent.authorId === p.authorId) return;
  await notify(tx, { userId: parent.authorId, kind: "reply", commentId: p.replyId, dedupeKey: `reply:${p.replyId}` }, now);
}

/** A reply published late (held for pre-moderation, then approved) tells its parent's author then. */
export async function notifyPublishedReply(tx: Tx, commentId: number, now = new Date()) {
  const [c] = await tx
    .select({ parentId: comments.parentId, authorId: comments.authorId })
    .from(comments)
    .where(eq(comments.id, commentId));
  if (c?.parentId && c.authorId) await notifyReply(tx, { replyId: commentId, parentId: c.parentId, authorId: c.authorId }, now);
}

/** A published summary version tells each author it cites, once per version (called where it is published). */
export async function notifyCitations(tx: Tx, p: { versionId: number; commentIds: number[] }, now = new Date()) {
  if (p.commentIds.length === 0) return;
  const authors = await tx
    .selectDistinctOn([comments.authorId], { authorId: comments.authorId, commentId: comments.id })
    .from(comments)
    .where(and(inArray(comments.id, p.commentIds), eq(comments.state, "published")))
    .orderBy(comments.authorId, comments.id);
  for (const a of authors) {
    if (!a.authorId) continue;
    await notify(
      tx,
      { userId: a.authorId, kind: "citation", summaryVersionId: p.versionId, commentId: a.commentId, dedupeKey: `citation:${p.versionId}` },
      now,
    );
  }
}

/** How many participants one statement handles while announcing. */
const ANNOUNCE_BATCH = 500;

type AnnouncementKind = "opened" | "closing";
type Due = { id: string; slug: string; title: string; titleHi: string | null; closesAt: Date };

/** What an announcement says of its consultation. */
const announcedColumns = {
  id: consultations.id,
  slug: consultations.slug,
  title: consultations.title,
  titleHi: consultations.titleHi,
  closesAt: consultations.closesAt,
};

/** Consultations whose opening or approaching close is due to be announced and has not been. */
async function dueAnnouncements(db: Db, kind: AnnouncementKind, now: Date): Promise<Due[]> {
  const notYet = notExists(
    db
      .select({ one: sql`1` })
      .from(consultationAnnouncements)
      .where(and(eq(consultationAnnouncements.consultationId, consultations.id), eq(consultationAnnouncements.kind, kind))),
  );
  const window =
    kind === "opened"
      ? and(lte(consultations.opensAt, now), gt(consultations.opensAt, new Date(now.getTime() - OPENING_ANNOUNCE_WINDOW_MS)))
      : and(lte(consultations.opensAt, now), lte(consultations.closesAt, new Date(now.getTime() + CLOSING_SOON_MS)));
  return db
    .select(announcedColumns)
    .from(consultations)
    .where(and(eq(consultations.status, "open"), gt(consultations.closesAt, now), window, notYet))
    .orderBy(asc(consultations.opensAt));
}

/**
 * Announces one consultation's opening or approaching close to every participant: the in-app notification for
 * each live account, and the email to those who want it, whose address is confirmed and whose account is not
 * held (lib/rules/intake-limits.ts: a burst of fresh accounts should not turn the platform into their mailer).
 * The announcement row is inserted ON CONFLICT DO NOTHING in the same transaction as the notifications, so of
 * several instances exactly one announces, and a crash part-way leaves nothing announced. Returns whether this
 * call announced it.
 */
async function announce(db: Db, c: Due, kind: AnnouncementKind, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [claim] = await tx
      .insert(consultationAnnouncements)
      .values({ consultationId: c.id, kind, announcedAt: now })
      .onConflictDoNothing()
      .returning({ id: consultationAnnouncements.consultationId });
    if (!claim) return false;
    const notificationKind: NotificationKind = kind === "opened" ? "consultation_opened" : "consultation_closing";
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const batch = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(isNull(users.erasedAt), gt(users.id, after)))
        .orderBy(asc(users.id))
        .limit(ANNOUNCE_BATCH);
      const last = batch.at(-1);
      if (!last) break;
      after = last.id;
      const fresh = await tx
        .insert(notifications)
        .values(
          batch.map((u) => ({
            userId: u.id,
            kind: notificationKind,
            consultationId: c.id,
            dedupeKey: `${kind}:${c.id}`,
            createdAt: now,
          })),
        )
        .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey], where: sql`dedupe_key is not null` })
        .returning({ userId: notifications.userId });
      if (fresh.length === 0) continue;
      const recipients = await tx
        .select({ id: users.id, email: users.email, name: users.name, preferredLanguage: users.preferredLanguage })
        .from(users)
        .where(
          and(
            inArray(
              users.id,
              fresh.map((f) => f.userId),
            ),
            mailable,
            isNull(users.heldAt),
            wants("consultation"),
          ),
        );
      await enqueueEmails(
        tx,
        recipients.map((r) =>
          composeNotificationEmail(
            r,
            { kind: notificationKind },
            {
              title: r.preferredLanguage === "hi" && c.titleHi ? c.titleHi : c.title,
              slug: c.slug,
              closes: c.closesAt,
            },
          ),
        ),
        now,
      );
    }
    return true;
  });
}

/**
 * The periodic job (lib/jobs/background.ts runs it in every server process, mail server or not): announces
 * each consultation that has opened, or closes within CLOSING_SOON_MS, and has not been announced yet.
 */
export async function announceConsultations(db: Db, now = new Date()): Promise<number> {
  let announced = 0;
  for (const kind of ["opened", "closing"] as const) {
    for (const c of await dueAnnouncements(db, kind, now)) {
      if (await announce(db, c, kind, now)) announced++;
    }
  }
  return announced;
}

/**
 * Announces one consultation now, whatever its schedule (the demo seed: its open round opened before the seed ran,
 * outside the window the periodic job announces in). Exactly once, as above.
 */
export async function announceConsultation(db: Db, p: { consultationId: string; kind: AnnouncementKind }, now = new Date()) {
  const [c] = await db.select(announcedColumns).from(consultations).where(eq(consultations.id, p.consultationId));
  return c ? announce(db, c, p.kind, now) : false;
}

/** Every notification of the participant for the notifications page, newest first, with what each is about. */
export async function listOtherNotifications(db: Db, userId: string, limit = 100) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      commentId: notifications.commentId,
      createdAt: notifications.createdAt,
      consultationSlug: consultations.slug,
      consultationTitle: consultations.title,
      consultationTitleHi: consultations.titleHi,
      summaryVersion: summaryVersions.version,
      principleTitle: principles.title,
      principleTitleHi: principles.titleHi,
      principleSlug: principles.slug,
      principleConsultationSlug: sql<string | null>`(select c2.slug from consultations c2 where c2.id = ${principles.consultationId})`,
      organisationName: organisations.name,
      // The organisation that asks to co-sign: the one the joint submission was made on behalf of.
      byOrganisation: sql<
        string | null
      >`case when ${notifications.kind} = 'cosign_request' then (select o2.name from comments c3 join organisations o2 on o2.id = c3.organisation_id where c3.id = ${notifications.commentId}) end`,
      grievanceId: grievances.id,
      grievanceCreatedAt: grievances.createdAt,
      grievanceResolvedAt: grievances.resolvedAt,
    })
    .from(notifications)
    .leftJoin(consultations, eq(consultations.id, notifications.consultationId))
    .leftJoin(summaryVersions, eq(summaryVersions.id, notifications.summaryVersionId))
    .leftJoin(principles, eq(principles.id, summaryVersions.principleId))
    .leftJoin(organisations, eq(organisations.id, notifications.organisationId))
    .leftJoin(grievances, eq(grievances.id, notifications.grievanceId))
    .where(and(eq(notifications.userId, userId), sql`${notifications.kind} <> 'decision'`))
    .orderBy(desc(notifications.id))
    .limit(limit);
}

export type Preferences = Record<NotificationPreferenceKind, boolean>;

export async function getPreferences(db: Db, userId: string): Promise<Preferences> {
  const [row] = await db
    .select({
      decision: notificationPreferences.decision,
      reply: notificationPreferences.reply,
      citation: notificationPreferences.citation,
      consultation: notificationPreferences.consultation,
      cosign: notificationPreferences.cosign,
    })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return row ?? { decision: true, reply: true, citation: true, consultation: true, cosign: true };
}

export async function savePreferences(db: Db, userId: string, prefs: Preferences, now = new Date()): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values({ userId, ...prefs, updatedAt: now })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...prefs, updatedAt: now } });
}

/** One kind off (the one-click unsubscribe); the others as they were. Returns false for an unknown account. */
export async function turnOffPreference(db: Db, userId: string, kind: NotificationPreferenceKind, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [u] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.erasedAt)));
    if (!u) return false;
    const off = { [kind]: false } as Partial<Preferences>;
    await tx
      .insert(notificationPreferences)
      .values({ userId, ...off, updatedAt: now })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...off, updatedAt: now } });
    return true;
  });
}

/** The account's language, for the unsubscribe page a link opens without sign-in. */
export async function preferredLanguageOf(db: Db, userId: string): Promise<Language | undefined> {
  const [u] = await db.select({ l: users.preferredLanguage }).from(users).where(eq(users.id, userId));
  return u?.l;
}
