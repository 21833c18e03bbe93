// Demo sign-in (DEMO_AUTH=1 only): issues the same HS256 session tokens a real identity provider would, so
// the free and premium paths can be tried without accounts. Upgrading keeps the caller's `sub`, so their
// daily count carries over exactly as it would after a real purchase.
import { randomBytes } from "node:crypto";
import { Elysia } from "elysia";
import { z } from "zod";
import type { IdentityResolver } from "../../auth/identity";
import type { Guards } from "../../plugins/guards";

export interface AuthModuleOptions {
  demoAuth: boolean;
  identity: IdentityResolver;
}

const DemoSignIn = z.strictObject(
  { tier: z.enum(["free", "premium"], { error: 'tier must be "free" or "premium"' }) },
  { error: 'Request body must be { "tier": "free" | "premium" }' },
);

export const authModule = (guards: Guards, { demoAuth, identity: tokens }: AuthModuleOptions) => {
  const app = new Elysia({ prefix: "/api/auth" }).use(guards);
  if (!demoAuth) return app;
  return app.post(
    "/demo",
    async ({ body, identity }) => {
      const sub = identity.kind === "user" ? identity.sub : `demo-${randomBytes(6).toString("hex")}`;
      const token = await tokens.issue({ sub, tier: body.tier });
      return { token, user: { sub, tier: body.tier } };
    },
    { body: DemoSignIn, ipLimit: "account", jsonBody: { maxBytes: 1024, maxDepth: 1 } },
  );
};
