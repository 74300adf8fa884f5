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
  return memberships.some((m) => m.organisationId === organisationId && m.membershipVerified && m.organisationVerified && m.maySign);
}

/** The organisations this person may sign for: only their endorsements are theirs to see and withdraw here. */
export function signableOrganisationIds(memberships: readonly MembershipStanding[]): string[] {
  return memberships.filter((m) => maySignFor(memberships, m.organisationId)).map((m) => m.organisationId);
}
