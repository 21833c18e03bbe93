// Next.js's request proxy (formerly middleware): every page gets a Content-Security-Policy with a fresh nonce.
// Next.js reads the nonce from the request's policy header while rendering and puts it on its own scripts.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/web/security/content-security-policy";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: the API routes answer JSON and audio, and built assets are files (scripts/web-server.mjs answers /feed/*).
      source: "/((?!api/|feed/|_next/static|_next/image|icon.svg|favicon.ico).*)",
      // A prefetch's answer is used inside the page already loaded, under that page's policy.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
