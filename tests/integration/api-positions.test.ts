// GET/PUT /api/positions/:key through the composed app (no port): a signed-in reader's place in an article.
import { describe, expect, inject, it } from "vitest";
import { createApp } from "@/server/app";
import { createIdentityResolver } from "@/server/auth/identity";
import { compose } from "@/server/compose";
import { loadEnv } from "@/server/env";
import { positionRedisKey } from "@/server/modules/positions/service";
import { ready } from "../support/redis-client";

const SECRET = "positions-test-secret-0123456789abcdef0123";
const KEY = "the-lamplighters-round:Ashley";

const makeApp = (env: Record<string, string> = {}) => createApp(compose(loadEnv({ LOG_LEVEL: "silent", AUTH_SECRET: SECRET, ...env })).options);
const bearer = async (sub: string) => ({
  authorization: `Bearer ${await createIdentityResolver({ secret: SECRET }).issue({ sub, tier: "free" })}`,
});

const position = (wordIndex: number, updatedAt = Date.now()) => ({ wordIndex, timeSec: wordIndex / 3, voice: "Ashley", updatedAt });
const put = (app: ReturnType<typeof makeApp>, headers: Record<string, string>, body: unknown, key = KEY) =>
  app.handle(
    new Request(`http://localhost/api/positions/${encodeURIComponent(key)}`, {
      method: "PUT",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const get = (app: ReturnType<typeof makeApp>, headers: Record<string, string>, key = KEY) =>
  app.handle(new Request(`http://localhost/api/positions/${encodeURIComponent(key)}`, { headers }));

describe("listening positions", () => {
  it("keeps a reader's place per article and voice, for that reader only", async () => {
    const app = makeApp();
    const auth = await bearer("reader-1");
    expect((await get(app, auth)).status).toBe(404);
    const saved = position(120);
    const answer = await put(app, auth, saved);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual(saved);

    const read = await get(app, auth);
    expect(read.status).toBe(200);
    expect(read.headers.get("cache-control")).toBe("no-store");
    expect(await read.json()).toEqual(saved);
    expect((await get(app, auth, "the-lamplighters-round:Dennis")).status).toBe(404);
    expect((await get(app, await bearer("reader-2"))).status).toBe(404);
  });

  it("keeps the later save when an older one arrives from another device", async () => {
    const app = makeApp();
    const auth = await bearer("reader-two-devices");
    const now = Date.now();
    await put(app, auth, position(300, now));
    const stale = await put(app, auth, position(10, now - 60_000));
    expect((await stale.json()).wordIndex).toBe(300);
    expect((await (await get(app, auth)).json()).wordIndex).toBe(300);
  });

  it("refuses anonymous readers, bad keys, bad positions and oversized bodies with the JSON error", async () => {
    const app = makeApp();
    const anonymous = await get(app, {});
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).code).toBe("UNAUTHORIZED");
    const auth = await bearer("reader-3");
    const cases: Array<[string, unknown, string, number, string]> = [
      ["no voice in the key", position(1), "the-lamplighters-round", 400, "INVALID_REQUEST"],
      ["a key with a slash", position(1), "a/b:Ashley", 400, "INVALID_REQUEST"],
      ["a negative word", position(-1), KEY, 400, "INVALID_REQUEST"],
      ["a fractional word", { ...position(1), wordIndex: 1.5 }, KEY, 400, "INVALID_REQUEST"],
      ["an unknown field", { ...position(1), extra: true }, KEY, 400, "INVALID_REQUEST"],
      ["not JSON", "{", KEY, 400, "INVALID_REQUEST"],
      ["a body over 1 KB", { ...position(1), voice: "x".repeat(2000) }, KEY, 413, "BODY_TOO_LARGE"],
    ];
    for (const [what, body, key, status, code] of cases) {
      const answer = await put(app, auth, body, key);
      expect(answer.status, what).toBe(status);
      expect((await answer.json()).code, what).toBe(code);
    }
  });

  it("keeps positions in Redis with an expiry, so another API process reads them", async () => {
    const env = loadEnv({ LOG_LEVEL: "silent", AUTH_SECRET: SECRET, REDIS_URL: inject("redisUrl") });
    const [first, second] = [compose(env), compose(env)];
    try {
      await Promise.all([ready(first.redis!), ready(second.redis!)]);
      const sub = `reader-redis-${Date.now()}`;
      const auth = await bearer(sub);
      expect((await put(createApp(first.options), auth, position(42))).status).toBe(200);
      expect((await (await get(createApp(second.options), auth)).json()).wordIndex).toBe(42);
      const ttl = await first.redis!.ttl(positionRedisKey(sub, KEY));
      expect(ttl).toBeGreaterThan(89 * 24 * 3600);
      expect(ttl).toBeLessThanOrEqual(90 * 24 * 3600);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
