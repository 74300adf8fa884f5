import { notFound } from "next/navigation";
import { env } from "@/lib/env";

/** The floor pages exist only for the benchmark: without SAMVAD_BENCH_FLOORS=1 they answer 404. */
export function requireBenchFloors(): void {
  if (!env().SAMVAD_BENCH_FLOORS) notFound();
}
