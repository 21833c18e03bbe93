// How the API reads request bodies (docs/architecture.md invariant 12), through app.handle: JSON only, bounded in size and
// depth before parsing, unknown fields refused, nothing echoed, and every refusal counted against the IP limit.
import { describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import { compose } from "@/server/compose";
import { loadEnv } from "@/server/env";
import { jsonDepth, jsonShape, MAX_BODY_BYTES, readJsonBody } from "@/lib/http/json-body";

// No INWORLD_API_KEY: a body that passes every check is answered 503 TTS_DISABLED, which tells it apart from a refusal.
function app(env: Record<string, string> = {}) {
  return createApp(
    compose(loadEnv({ LOG_LEVEL: "silent", TTS_RATE_LIMIT_PER_MIN: "1000", AUTH_SECRET: "x".repeat(32), DEMO_AUTH: "1", ...env })).options,
  );
}

async function post(a: ReturnType<typeof app>, body: BodyInit, contentType: string | null = "application/json", path = "/api/tts") {
  const headers: Record<string, string> = contentType === null ? {} : { "Content-Type": contentType };
  const res = await a.handle(new Request(`http://localhost${path}`, { method: "POST", headers, body }));
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    retryAfter: res.headers.get("retry-after"),
    text,
    json: JSON.parse(text) as { error: string; code: string },
  };
}

describe("POST /api/tts request bodies", () => {
  it("accepts a JSON body with text and voice", async () => {
    const res = await post(app(), JSON.stringify({ text: "Hello there.", voice: "Ashley" }), "application/json; charset=utf-8");
    expect(res.json.code).toBe("TTS_DISABLED");
  });

  it.each([
    ["a form", "text=hi", "application/x-www-form-urlencoded"],
    ["plain text", '{"text":"hi"}', "text/plain"],
    ["multipart", '{"text":"hi"}', "multipart/form-data; boundary=x"],
    ["no content type", '{"text":"hi"}', null],
  ])("refuses %s with the JSON 415", async (_name, body, type) => {
    const res = await post(app(), body, type);
    expect(res.status).toBe(415);
    expect(res.type).toContain("application/json");
    expect(res.json.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses a body over the cap with the JSON 413, before parsing it", async () => {
    const res = await post(app(), `{"text":"${"a".repeat(MAX_BODY_BYTES)}"}`);
    expect(res.status).toBe(413);
    expect(res.json.code).toBe("BODY_TOO_LARGE");
  });

  it("refuses deep nesting with a 400, however deep", async () => {
    for (const depth of [20, 20_000, 200_000]) {
      const res = await post(app(), `{"text":1,"x":${"[".repeat(depth)}${"]".repeat(depth)}}`);
      expect(res.status, `depth ${depth}`).toBe(400);
      expect(res.json.code).toBe("INVALID_REQUEST");
    }
  });

  it("refuses unknown fields without repeating their names", async () => {
    const res = await post(app(), JSON.stringify({ text: "Hello.", voise: "Dennis", secretKey4711: 1 }));
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("INVALID_REQUEST");
    expect(res.text).not.toMatch(/voise|Dennis|secretKey4711/);
  });

  it("never echoes the body in a validation error", async () => {
    for (const body of [{ text: 4711_0815 }, { text: ["echo-me-0815"] }, { text: "Hi.", voice: { name: "echo-me-0815" } }, ["echo-me-0815"]]) {
      const res = await post(app(), JSON.stringify(body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.text).not.toMatch(/echo-me|47110815/);
    }
  });

  it("refuses an unknown voice without repeating it", async () => {
    const res = await post(app(), JSON.stringify({ text: "Hello there.", voice: "<img src=x onerror=alert(1)>" }));
    expect(res.status).toBe(400);
    expect(res.text).not.toContain("<img");
  });

  it("refuses a body that is not JSON or not UTF-8", async () => {
    expect((await post(app(), "{nope")).json.code).toBe("INVALID_REQUEST");
    expect((await post(app(), new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]))).json.code).toBe("INVALID_REQUEST");
  });

  it("counts refused bodies against the IP limit", async () => {
    const a = app({ TTS_RATE_LIMIT_PER_MIN: "3" });
    expect((await post(a, "text=hi", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await post(a, JSON.stringify({ text: 1 }))).status).toBe(400);
    expect((await post(a, `{"x":${"[".repeat(100)}`)).status).toBe(400);
    const limited = await post(a, JSON.stringify({ text: "Hello." }));
    expect(limited.status).toBe(429);
    expect(limited.json.code).toBe("RATE_LIMITED");
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
  });
});

describe("POST /api/auth/demo request bodies", () => {
  it("refuses a form, so another site cannot sign a reader in", async () => {
    expect((await post(app(), "tier=premium", "application/x-www-form-urlencoded", "/api/auth/demo")).status).toBe(415);
  });

  it("refuses unknown fields", async () => {
    expect((await post(app(), JSON.stringify({ tier: "free", admin: true }), "application/json", "/api/auth/demo")).status).toBe(400);
  });
});

describe("jsonDepth", () => {
  it.each([
    ["1", 0],
    ["{}", 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['{"a":"[[[[{{{{"}', 1],
    ['{"a":"\\"[[[["}', 1],
    ['["\\\\",[]]', 2],
  ])("%s nests %i deep", (text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
  });
});

describe("jsonShape", () => {
  it.each([
    ['{"a":"\\ud83d\\ude00"}', false],
    ['{"a":"\\ud800"}', true],
    ['{"a":"\\udc00 alone"}', true],
    ['{"a":"\\ud800\\ud800\\udc00"}', true],
    ['{"a":"\\ud800x"}', true],
    ['{"a":"\\u0041\\\\udc00"}', false],
  ])("%s has a lone surrogate: %s", (text, lone) => {
    expect(jsonShape(text).loneSurrogate).toBe(lone);
  });
});

describe("readJsonBody", () => {
  const request = (body: string, contentType = "application/json") =>
    new Request("http://localhost/", { method: "POST", headers: { "content-type": contentType }, body });

  it.each(["application/jsonx", "application/json-patch+json", "text/json", "application/x-www-form-urlencoded"])(
    "refuses %s with 415: only exactly application/json is JSON",
    async (type) => {
      await expect(readJsonBody(request("{}", type))).rejects.toMatchObject({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
    },
  );

  it("refuses half a surrogate pair, which no store could keep as sent", async () => {
    await expect(readJsonBody(request('{"text":"\\ud800"}'))).rejects.toMatchObject({ status: 400, code: "INVALID_REQUEST" });
    expect(await readJsonBody(request('{"text":"\\ud83d\\ude00"}'))).toEqual({ text: "\u{1F600}" });
  });

  it("refuses nesting past the route's depth before parsing, with a message that repeats nothing", async () => {
    const refusal = await readJsonBody(request('{"<img>":[[1]]}'), { maxDepth: 2 }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ status: 400, code: "INVALID_REQUEST" });
    expect((refusal as Error).message).not.toContain("<img>");
  });
});
