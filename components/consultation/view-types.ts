import type { ConsultationStatus } from "@/lib/limits";

/** A consultation's schedule as its pages show it (the phases are derived from it by lib/rules/consultation-phase). */
export interface ScheduleView {
  status: ConsultationStatus;
  opensAt: Date;
  closesAt: Date;
  counterClosesAt: Date | null;
  summaryDueAt: Date | null;
  closedAt: Date | null;
}

/** What the consultation's overview shows of it. */
export interface ConsultationView extends ScheduleView {
  slug: string;
  title: string;
  titleHi: string | null;
  description: string;
  descriptionHi: string | null;
  hindiPendingUntil: Date | null;
  ownerName: string | null;
  updatedAt: Date | null;
}

/** One consultation in the home page's lists. */
export interface ConsultationListItemView extends ScheduleView {
  slug: string;
  title: string;
  titleHi: string | null;
  ownerName: string | null;
  sectionCount: number;
  hindiPendingUntil: Date | null;
}

/** A principle as a link: in the overview's list and the pager. */
export interface PrincipleLinkView {
  slug: string;
  title: string;
  titleHi: string | null;
}
