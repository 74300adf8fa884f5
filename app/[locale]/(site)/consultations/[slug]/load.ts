import { cache } from "react";
import { getDb } from "@/db/client";
import { getConsultationFacts } from "@/db/queries/consultations";
import { viewableConsultation } from "@/lib/auth/consultation-access";
import { consultationPhase } from "@/lib/rules/consultation-phase";

/**
 * What every page of a consultation starts from, once per request (metadata and page share it): the consultation
 * as this viewer may see it (a draft is 404 unless staff), its owner and when its content last changed.
 */
export const loadConsultationPage = cache(async (slug: string) => {
  const consultation = await viewableConsultation(slug);
  const facts = await getConsultationFacts(await getDb(), consultation.id);
  return {
    consultation,
    ownerName: facts.ownerName,
    updatedAt: facts.updatedAt,
    // The report exists only for a round whose intake has ended.
    showReport: consultationPhase(consultation, new Date()) === "closed",
  };
});
