import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getConsultationForViewer } from "@/db/queries/consultations";
import type { ConsultationStatus } from "@/lib/limits";
import { mayViewConsultation } from "@/lib/rules/consultation-visibility";
import { getCurrentUser } from "./session";

/**
 * The one guard of every consultation page and its API: a draft is shown to moderators and admins only, and
 * answers 404 to everyone else (lib/rules/consultation-visibility). The session is read per request once anyway
 * (the layout shows who is signed in), so asking for it here costs nothing more.
 */

/** The consultation of this address as the current viewer may see it, or undefined (route handlers answer 404). */
export const findViewableConsultation = cache(async (slug: string) => {
  const user = await getCurrentUser();
  return getConsultationForViewer(await getDb(), slug, user?.role);
});

/** As findViewableConsultation, for pages: a consultation the viewer may not see is the not-found page. */
export async function viewableConsultation(slug: string) {
  const consultation = await findViewableConsultation(slug);
  if (!consultation) notFound();
  return consultation;
}

/** For a page that loaded the consultation itself (with its principle): the not-found page unless the viewer may see it. */
export async function assertConsultationViewable(consultation: { status: ConsultationStatus }): Promise<void> {
  if (consultation.status !== "draft") return;
  const user = await getCurrentUser();
  if (!mayViewConsultation(consultation.status, user?.role)) notFound();
}
