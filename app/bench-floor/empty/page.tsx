import { requireBenchFloors } from "../gate";

// The JavaScript baseline: what any page of this build loads before it has any content of its own.
export const dynamic = "force-dynamic";

export default function EmptyFloor() {
  requireBenchFloors();
  return <main />;
}
