import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { errorResponse } from "@/lib/errors";
import { isSameOrigin } from "@/lib/http/origin";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(req: Request, ctx: Context) {
  return NextAuth(authOptions())(req, ctx);
}

export const GET = handler;

export function POST(req: Request, ctx: Context) {
  if (!isSameOrigin(req)) return errorResponse("badOrigin");
  return handler(req, ctx);
}
