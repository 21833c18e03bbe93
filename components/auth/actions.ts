"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/client/navigation/return-path";
import { webEnv } from "@/components/config/web-env";
import { SESSION_COOKIE, SESSION_MAX_AGE_S, servedOverHttps, sessionCookieAttributes } from "@/web/proxy/session-cookie";
import { demoAuthEnabled, sessionToken } from "./session";

async function issueDemoSession(tier: "free" | "premium", keepIdentity: boolean): Promise<void> {
  if (!demoAuthEnabled()) throw new Error("Demo sign-in is disabled (DEMO_AUTH is off)");
  const token = keepIdentity ? await sessionToken() : undefined;
  const res = await fetch(new URL("/api/auth/demo", webEnv().API_URL), {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ tier }),
    cache: "no-store",
  });
  if (!res.ok) throw new Error(`Demo sign-in failed (${res.status})`);
  const body = (await res.json()) as { token?: unknown };
  if (typeof body.token !== "string") throw new Error("Demo sign-in returned no token");
  const secure = servedOverHttps(await headers());
  (await cookies()).set(SESSION_COOKIE, body.token, { ...sessionCookieAttributes(secure), maxAge: SESSION_MAX_AGE_S });
}

/** A fresh demo reader of the chosen tier. */
export async function signInDemo(formData: FormData): Promise<void> {
  const tier = formData.get("tier") === "premium" ? "premium" : "free";
  await issueDemoSession(tier, false);
  redirect(safeReturnPath(formData.get("from"), "/"));
}

/** The demo purchase: the same reader (their `sub`, so today's count carries over), now premium. */
export async function upgradeDemo(formData: FormData): Promise<void> {
  await issueDemoSession("premium", true);
  redirect(safeReturnPath(formData.get("from"), "/pricing"));
}

export async function signOut(formData: FormData): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
  redirect(safeReturnPath(formData.get("from"), "/"));
}
