"use server";

import { changeRole, reviewMembership, setSigningAuthority, verifyOrganisation } from "@/lib/commands/organisations";
import { auditEvent } from "@/lib/auth/audit-events";
import {
  membershipReviewSchema,
  organisationVerificationSchema,
  roleChangeSchema,
  signingAuthoritySchema,
} from "@/lib/validation/organisations";
import { buttonAction, formAction } from "./kit/form-action";

const membership = (i: { userId: string; organisationId: string }) => ({ type: "membership", id: `${i.userId}/${i.organisationId}` });

export const submitMembershipReview = formAction({
  name: "submitMembershipReview",
  schema: membershipReviewSchema,
  target: membership,
  run: async ({ db, actor, input }) => {
    const approve = input.decision === "approve";
    const result = await reviewMembership(db, actor, {
      userId: input.userId,
      organisationId: input.organisationId,
      approve,
      reason: input.reason,
    });
    if (!result.ok) return result;
    await auditEvent(db, actor, approve ? "membership.verified" : "membership.rejected", membership(input));
    return { ok: true, done: approve ? "membershipVerified" : "membershipRejected", goTo: { path: "/moderate/organisations" } };
  },
});

export const submitOrganisationVerification = formAction({
  name: "submitOrganisationVerification",
  schema: organisationVerificationSchema,
  target: (i) => ({ type: "organisation", id: i.organisationId }),
  run: async ({ db, actor, input }) => {
    const domain = input.domain || null;
    const result = await verifyOrganisation(db, actor, { organisationId: input.organisationId, domain });
    if (!result.ok) return result;
    await auditEvent(db, actor, "organisation.verified", { type: "organisation", id: input.organisationId }, { domain });
    return { ok: true, done: "organisationVerified", goTo: { path: "/moderate/organisations" } };
  },
});

export const submitSigningAuthority = buttonAction({
  name: "submitSigningAuthority",
  schema: signingAuthoritySchema,
  target: membership,
  back: () => ({ path: "/admin/users" }),
  run: async ({ db, actor, input }) => {
    const maySign = input.maySign === "yes";
    const result = await setSigningAuthority(db, actor, { ...input, maySign });
    if (!result.ok) return result;
    await auditEvent(db, actor, "authority.changed", membership(input), { maySign });
    return { ok: true, done: maySign ? "authorityGranted" : "authorityRevoked" };
  },
});

export const submitRoleChange = buttonAction({
  name: "submitRoleChange",
  schema: roleChangeSchema,
  target: (i) => ({ type: "user", id: i.userId }),
  back: () => ({ path: "/admin/users" }),
  run: async ({ db, actor, input }) => {
    const result = await changeRole(db, actor, input);
    if (!result.ok) return result;
    await auditEvent(db, actor, "role.changed", { type: "user", id: input.userId }, { role: input.role });
    return { ok: true, done: "roleChanged" };
  },
});
