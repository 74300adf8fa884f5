import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { blockParticipant } from "@/lib/commands/moderation";
import { reviewMembership } from "@/lib/commands/organisations";
import { freshDatabase, testEngines } from "../support/engines";
import { addMembership, newActor, newOrganisation } from "./consultation-fixtures";
import { expectUnchanged, moderatedConsultation, newStaff } from "./moderation-fixtures";

describe.each(testEngines())("limits on staff powers on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  it("a moderator cannot verify their own membership; another moderator can", async () => {
    const mod = await newStaff(h.db, "moderator");
    const other = await newStaff(h.db, "moderator");
    const org = await newOrganisation(h.db);
    await addMembership(h.db, mod.id, org, { verified: false, maySign: false });
    const own = await expectUnchanged(h, () =>
      reviewMembership(h.db, mod, { userId: mod.id, organisationId: org, approve: true, reason: "" }),
    );
    expect(own).toEqual({ ok: false, error: "forbidden" });
    expect(await reviewMembership(h.db, other, { userId: mod.id, organisationId: org, approve: true, reason: "" })).toEqual({ ok: true });
  });

  it("staff are not blocked (an admin demotes them instead); participants are", async () => {
    const c = await moderatedConsultation(h.db);
    const mod = await newStaff(h.db, "moderator");
    const admin = await newStaff(h.db, "admin");
    const participant = await newActor(h.db);
    const rule = c.rules[0]!.id;
    for (const [actor, target] of [
      [admin, mod],
      [mod, admin],
    ] as const) {
      const r = await expectUnchanged(h, () =>
        blockParticipant(h.db, actor, { userId: target.id, consultationId: c.consultationId, blocked: true, ruleId: rule, note: "" }),
      );
      expect(r).toEqual({ ok: false, error: "forbidden" });
    }
    expect(
      await blockParticipant(h.db, mod, {
        userId: participant.id,
        consultationId: c.consultationId,
        blocked: true,
        ruleId: rule,
        note: "",
      }),
    ).toEqual({ ok: true });
  });
});
