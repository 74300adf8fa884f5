import { getDb } from "@/db/client";
import { unsubscribeGet, unsubscribePost } from "@/lib/email/unsubscribe-route";

export async function POST(request: Request) {
  return unsubscribePost(await getDb(), request);
}

export async function GET(request: Request) {
  return unsubscribeGet(await getDb(), request);
}
