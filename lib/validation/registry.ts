import { z } from "zod";
import { STAKEHOLDER_GROUPS } from "@/lib/limits";

/** Registry filters from the query string; anything unrecognised means "no filter". */
export const registryFilterSchema = z.object({
  group: z.enum(STAKEHOLDER_GROUPS).optional().catch(undefined),
  target: z
    .union([z.literal("consultation"), z.uuid()])
    .optional()
    .catch(undefined),
});
export type RegistryFilterInput = z.infer<typeof registryFilterSchema>;

/** Entries per registry page: a long list of signatories stays light on a cheap phone. */
export const REGISTRY_PAGE_SIZE = 100;

export function parseRegistryFilter(search: Record<string, string | string[] | undefined>): RegistryFilterInput {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return registryFilterSchema.parse({ group: one(search.group), target: one(search.target) });
}
