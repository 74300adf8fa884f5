import type { ConsultationStatus } from "@/lib/limits";

export type ConsultationPhase = "upcoming" | "open" | "closed";

/** Open means status "open" and opensAt ≤ now < closesAt; anything else takes no contributions. */
export function consultationPhase(c: { status: ConsultationStatus; opensAt: Date; closesAt: Date }, now: Date): ConsultationPhase {
  if (c.status === "closed" || now >= c.closesAt) return "closed";
  if (c.status === "draft" || now < c.opensAt) return "upcoming";
  return "open";
}
