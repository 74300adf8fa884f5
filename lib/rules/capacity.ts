/** What a membership allows: speaking for the organisation needs a verified membership; signing also the authority. */
export interface MembershipStanding {
  organisationId: string;
  membershipVerified: boolean;
  organisationVerified: boolean;
  maySign: boolean;
}

export function maySpeakFor(memberships: readonly MembershipStanding[], organisationId: string): boolean {
  return memberships.some((m) => m.organisationId === organisationId && m.membershipVerified);
}

export function maySignFor(memberships: readonly MembershipStanding[], organisationId: string): boolean {
  return memberships.some(
    (m) => m.organisationId === organisationId && m.membershipVerified && m.organisationVerified && m.maySign,
  );
}
