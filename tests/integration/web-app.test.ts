// The web app as `npm start` runs it, in front of the real API and local voice server: what only the whole
// process shows (the socket's peer, a browser going away, Next.js's own request handling). One app serves every
// test here, in order; the rate limit test runs last because it spends the client's budget for the minute.
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { article, uniqueSentence } from "../support/articles";
import { startApp, type RunningApp } from "../support/processes";
import { AUTH_SECRET, getHealth, sessionToken } from "../support/tts-api";
import { voiceControl } from "../support/voice-control";

let app: RunningApp;

beforeAll(async () => {
  app = await startApp({
    AUTH_SECRET,
    TRUST_PROXY: "loopback",
    WEB_TRUST_PROXY: "",
    REDIS_URL: "",
    TTS_RATE_LIMIT_PER_MIN: "10",
    TTS_DAILY_FREE_LIMIT: "3",
  });
}, 320_000);

afterAll(async () => {
  await app?.stop();
});

function postTts(body: string, headers: Record<string, string> = {}, signal?: AbortSignal) {
  return fetch(`${app.url}/api/tts`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, signal });
}

async function signInPage(cookie: string) {
  const res = await fetch(`${app.url}/signin`, { headers: { cookie } });
  return { status: res.status, html: await res.text() };
}

describe("web app (npm start)", () => {
  it("refuses a server action from another site with 403, and asks every answer not to be sniffed", async () => {
    const res = await fetch(`${app.url}/signin`, {
      method: "POST",
      headers: { "next-action": "0123456789abcdef", origin: "https://evil.example", "content-type": "text/plain" },
      body: "[]",
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "FORBIDDEN" });
    const page = await fetch(`${app.url}/signin`);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("treats a malformed session cookie as no session", async () => {
    const cookie = "listen_session=%E0%A4%A";
    const voices = await fetch(`${app.url}/api/tts/voices`, { headers: { cookie } });
    expect(voices.status).toBe(200);
    expect((await voices.json()).voices.length).toBeGreaterThan(0);
    const page = await signInPage(cookie);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('data-slot="signed-in"');
  });

  it("shows no reader signed in whom the API refuses, and clears that reader's cookie", async () => {
    const genuine = await sessionToken("free", "web-genuine");
    expect((await signInPage(`listen_session=${genuine}`)).html).toContain('data-slot="signed-in"');

    // As a restart with a new AUTH_SECRET left it: well formed, signed, unexpired, and not ours.
    const foreign = await new SignJWT({ tier: "premium" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("web-foreign")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("a-secret-from-an-earlier-start-0123456789"));
    expect((await signInPage(`listen_session=${foreign}`)).html).not.toContain('data-slot="signed-in"');

    const res = await postTts(JSON.stringify({ text: uniqueSentence() }), { cookie: `listen_session=${foreign}` });
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe("UNAUTHORIZED");
    expect(res.headers.get("set-cookie")).toMatch(/^listen_session=;.*Max-Age=0/);
  });

  it("refuses a body over 4 MiB with 413 BODY_TOO_LARGE", async () => {
    const res = await postTts(JSON.stringify({ text: "x".repeat(4 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "BODY_TOO_LARGE" });
  });

  it("frees the API's slot and stops the upstream calls when the browser goes away mid-generation", async () => {
    const voice = voiceControl(app.voiceUrl);
    await voice.reset();
    // Far longer than the wait below: only a cancelled call ends in time.
    await voice.control({ latencyMs: 120_000 });
    try {
      const browser = new AbortController();
      const answer = postTts(JSON.stringify({ text: article(3_000) }), {}, browser.signal).catch(() => null);
      await expect.poll(async () => (await voice.stats()).inFlight, { timeout: 20_000 }).toBeGreaterThan(0);
      expect((await getHealth(app.apiUrl)).tts.activeSlots).toBe(1);

      browser.abort();
      await answer;
      await expect.poll(async () => (await getHealth(app.apiUrl)).tts.activeSlots, { timeout: 20_000 }).toBe(0);
      await expect.poll(async () => (await voice.stats()).inFlight, { timeout: 20_000 }).toBe(0);
      expect((await voice.stats()).byStatus["200"] ?? 0).toBe(0);
    } finally {
      await voice.reset();
    }
  });

  // Runs last: it spends this client's 10 requests a minute.
  it("rate-limits one client however it forges its address", async () => {
    const body = JSON.stringify({ text: `One reader, many masks. ${uniqueSentence()}` });
    const statuses: number[] = [];
    let last: { code?: string } = {};
    for (let i = 1; i <= 11; i++) {
      const forged = `198.51.100.${i}`;
      const headers: Record<string, string> = [
        { "x-forwarded-for": forged },
        { "x-real-ip": forged },
        { forwarded: `for=${forged}` },
        { "x-forwarded-for": `${forged}, 203.0.113.${i}` },
      ][i % 4];
      const res = await postTts(body, headers);
      statuses.push(res.status);
      last = await res.json();
    }
    expect(statuses[0]).toBe(200);
    expect(statuses[10]).toBe(429);
    expect(last.code).toBe("RATE_LIMITED");
    // Once limited, limited: no forged header buys another request.
    expect(statuses.slice(statuses.indexOf(429)).every((s) => s === 429)).toBe(true);
  });
});
