// Identity through the HTTP surface, exercised with app.handle (no port): demo sign-in, upgrade, bad tokens.
import { describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import { compose } from "@/server/compose";
import { loadEnv } from "@/server/env";

const secret = "auth-test-secret-0123456789abcdef0123456789";

function app(env: Record<string, string> = {}) {
  return createApp(compose(loadEnv({ AUTH_SECRET: secret, DEMO_AUTH: "1", LOG_LEVEL: "silent", ...env })).options);
}

async function signIn(a: ReturnType<typeof app>, tier: "free" | "premium", token?: string) {
  const res = await a.handle(
    new Request("http://localhost/api/auth/demo", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ tier }),
    }),
  );
  return { status: res.status, body: (await res.json()) as { token: string; user: { sub: string; tier: string } } };
}

// The spec's ten English voices, two of them free: a free or anonymous reader finds eight locked.
async function lockedVoices(a: ReturnType<typeof app>, token?: string) {
  const res = await a.handle(new Request("http://localhost/api/tts/voices?lang=en", { headers: token ? { Authorization: `Bearer ${token}` } : {} }));
  const { voices } = (await res.json()) as { voices: Array<{ id: string; locked: boolean }> };
  return voices.filter((v) => v.locked).length;
}

describe("demo sign-in", () => {
  it("issues a free token that the API then recognises as a free reader", async () => {
    const a = app();
    const { status, body } = await signIn(a, "free");
    expect(status).toBe(200);
    expect(body.user.tier).toBe("free");
    expect(await lockedVoices(a, body.token)).toBe(8);
  });

  it("issues a premium token that unlocks every voice", async () => {
    const a = app();
    const { body } = await signIn(a, "premium");
    expect(await lockedVoices(a, body.token)).toBe(0);
  });

  it("keeps the reader's id when a free reader upgrades", async () => {
    const a = app();
    const free = await signIn(a, "free");
    const premium = await signIn(a, "premium", free.body.token);
    expect(premium.body.user.sub).toBe(free.body.user.sub);
    expect(premium.body.user.tier).toBe("premium");
  });

  it("gives each new demo sign-in its own id", async () => {
    const a = app();
    const [one, two] = await Promise.all([signIn(a, "free"), signIn(a, "free")]);
    expect(one.body.user.sub).not.toBe(two.body.user.sub);
  });

  it("does not exist unless DEMO_AUTH=1", async () => {
    const res = await app({ DEMO_AUTH: "0" }).handle(
      new Request("http://localhost/api/auth/demo", { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"tier":"premium"}' }),
    );
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("rejects an unknown tier with 400 INVALID_REQUEST", async () => {
    const res = await app().handle(
      new Request("http://localhost/api/auth/demo", { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"tier":"gold"}' }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "INVALID_REQUEST" });
  });
});

describe("session tokens", () => {
  it("rejects a token signed with another secret", async () => {
    const other = app({ AUTH_SECRET: "another-secret-0123456789abcdef0123456789" });
    const { body } = await signIn(other, "premium");
    const res = await app().handle(new Request("http://localhost/api/tts/voices", { headers: { Authorization: `Bearer ${body.token}` } }));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("rejects a malformed Authorization header", async () => {
    const res = await app().handle(new Request("http://localhost/api/tts/voices", { headers: { Authorization: "Token abc" } }));
    expect(res.status).toBe(401);
  });

  it("treats a request without a token as anonymous", async () => {
    expect(await lockedVoices(app())).toBe(8);
  });
});

describe("configuration", () => {
  it("reports every bad variable at once", () => {
    let message = "";
    try {
      loadEnv({ MAX_CONCURRENT_TTS: "zero", TTS_CHUNK_CONCURRENCY: "-1", INWORLD_BASE_URL: "not a url" });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ["MAX_CONCURRENT_TTS", "TTS_CHUNK_CONCURRENCY", "INWORLD_BASE_URL"]) expect(message).toContain(name);
  });

  it("refuses a short AUTH_SECRET", () => {
    expect(() => loadEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
  });
});
