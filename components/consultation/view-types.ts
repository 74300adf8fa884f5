import type { ConsultationStatus } from "@/lib/limits";

/** What the consultation's overview shows of it. */
export interface ConsultationView {
  slug: string;
  title: string;
  titleHi: string | null;
  description: string;
  descriptionHi: string | null;
  status: ConsultationStatus;
  opensAt: Date;
  closesAt: Date;
}

/** A principle as a link: in the overview's list and the pager. */
export interface PrincipleLinkView {
  slug: string;
  title: string;
  titleHi: string | null;
}
