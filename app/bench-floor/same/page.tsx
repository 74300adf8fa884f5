import fs from "node:fs/promises";
import { requireBenchFloors } from "../gate";
import { env } from "@/lib/env";

// Floor N0same: the principle page's own markup (its <main>…</main>, captured by the benchmark into the file
// SAMVAD_BENCH_SAME_FILE names) rendered by a dynamic page from memory: the same bytes without the work.
export const dynamic = "force-dynamic";

let cached: Promise<string> | undefined;

function markup(file: string): Promise<string> {
  cached ??= fs.readFile(file, "utf8").catch((err: unknown) => {
    cached = undefined;
    throw err;
  });
  return cached;
}

export default async function SameMarkupFloor() {
  requireBenchFloors();
  const file = env().SAMVAD_BENCH_SAME_FILE;
  if (!file) return <p>SAMVAD_BENCH_SAME_FILE is not set.</p>;
  return <div dangerouslySetInnerHTML={{ __html: await markup(file) }} />;
}
