// The guards plugin (server/plugins/guards.ts): a route added without stating its needs is refused bodies, and an
// app whose route takes a body without a per-client limit does not start.
import { Elysia } from "elysia";
import { describe, expect, it } from "vitest";
import { createIdentityResolver } from "@/server/auth/identity";
import { createRateLimiter } from "@/server/limits/rate-limiter";
import { parseTrustedProxies } from "@/lib/net/client-address.mjs";
import { createGuards } from "@/server/plugins/guards";

const limiter = () => createRateLimiter({ limit: 100, windowMs: 60_000, keyPrefix: "test" });
const guards = () =>
  createGuards({
    identity: createIdentityResolver({ secret: "x".repeat(32) }),
    trustedProxies: parseTrustedProxies("loopback"),
    limits: { tts: limiter(), import: limiter(), account: limiter() },
  });

describe("createGuards", () => {
  it("refuses to start an app with a route that takes a body but counts no limit before reading it", () => {
    const { plugin, seal } = guards();
    const app = new Elysia().use(plugin).post("/x", () => "ok", { jsonBody: true });
    expect(() => seal(app.routes)).toThrow(/POST \/x takes a body but states no ipLimit/);
  });

  it("refuses any body sent to a route that states no jsonBody, instead of parsing it", async () => {
    const { plugin, seal } = guards();
    const app = new Elysia().use(plugin).post("/forgot", ({ body }) => ({ body }));
    seal(app.routes);
    const res = await app.handle(
      new Request("http://localhost/forgot", { method: "POST", headers: { "content-type": "application/json" }, body: "[[[[1]]]]" }),
    );
    // The app's error mapping (server/app.ts) turns the refusal into our JSON; bare, Elysia answers the parse error.
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain("[[[[1]]]]");
  });
});
