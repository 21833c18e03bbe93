// Demo sign-in (DEMO_AUTH=1 only): issues the same HS256 session tokens a real identity provider would, so
// the free and premium paths can be tried without accounts. Upgrading keeps the caller's `sub`, so their
// daily count carries over exactly as it would after a real purchase.
import { randomBytes } from "node:crypto";
import { Elysia, t } from "elysia";
import type { IdentityResolver } from "../../auth/identity";
import { callerPlugin, type CallerOptions } from "../../plugins/caller";
import { readJsonBody } from "../../plugins/json-body";

export interface AuthModuleOptions extends CallerOptions {
  demoAuth: boolean;
  identity: IdentityResolver;
}

export const authModule = ({ demoAuth, ...caller }: AuthModuleOptions) => {
  const app = new Elysia({ prefix: "/api/auth" });
  if (!demoAuth) return app;
  return app.use(callerPlugin(caller)).post(
    "/demo",
    async ({ body, identity }) => {
      const sub = identity.kind === "user" ? identity.sub : `demo-${randomBytes(6).toString("hex")}`;
      const token = await caller.identity.issue({ sub, tier: body.tier });
      return { token, user: { sub, tier: body.tier } };
    },
    {
      body: t.Object(
        { tier: t.Union([t.Literal("free"), t.Literal("premium")], { error: 'tier must be "free" or "premium"' }) },
        { additionalProperties: false, error: 'Request body must be { "tier": "free" | "premium" }' },
      ),
      parse: ({ request }) => readJsonBody(request),
    },
  );
};
