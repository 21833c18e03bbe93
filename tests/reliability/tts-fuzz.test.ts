// Invariant 12 as a property: thousands of generated bodies — wrong types, odd sizes, any unicode, deep
// nesting, other content types, bytes that are not JSON — sent over HTTP to the real API on Bun, talking to
// the local voice server. Whatever arrives, the answer is never a 500, every refusal is the JSON error shape
// without an echo of the input, and every 200 is a whole article (invariants 1–4).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningProcess } from "../support/processes";
import { startSilentVoiceApi, type SilentVoiceApi } from "../support/silent-voice-api";
import { getHealth, type TtsBody } from "../support/tts-api";
import { wholeArticleProblems } from "../support/tts-invariants";

// One client sends thousands of requests: the limits under test here are the input caps, not the IP limit or
// the daily quota, which the silent-voice API raises.
let servers: SilentVoiceApi;
let api: RunningProcess;

beforeAll(async () => {
  servers = await startSilentVoiceApi();
  api = servers.api;
}, 60_000);
afterAll(async () => {
  await servers?.stop();
});

/** One request as sent: its bytes, its Content-Type (none when undefined), and the text when it carries one. */
interface Sent {
  body: string;
  contentType?: string;
  text?: string;
}

const JSON_TYPE = "application/json";
const contentType = fc.constantFrom<string | undefined>(
  JSON_TYPE,
  JSON_TYPE,
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  undefined,
);
const text = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.constantFrom("", " ", "\n\n", "Advertisement", "(photo: (photo: x))", "Share this article", "Hello.", "Mr. Smith went to Washington."),
);
const voice_ = fc.option(fc.constantFrom("Ashley", "Dennis", "Olivia", "Timothy", "", "ashley", "Nobody", "x".repeat(80)), { nil: undefined });

const lang_ = fc.option(fc.constantFrom("en", "en-GB", "fr", "am", "zz", "", "english", 7, "x".repeat(40)), { nil: undefined });

/** Bodies shaped like a request: the text, voice and lang fields, sometimes with a field we do not know. */
const requestShaped: fc.Arbitrary<Sent> = fc
  .tuple(text, voice_, lang_, fc.option(fc.tuple(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })), { nil: undefined }), contentType)
  .map(([t, v, l, extra, type]) => {
    const payload: Record<string, unknown> = { text: t };
    if (v !== undefined) payload.voice = v;
    if (l !== undefined) payload.lang = l;
    if (extra && !["text", "voice", "lang"].includes(extra[0])) payload[extra[0]] = extra[1];
    return { body: JSON.stringify(payload), contentType: type, text: t };
  });

/** Any JSON value at all, or fields of the wrong type. */
const anyJson: fc.Arbitrary<Sent> = fc
  .oneof(
    fc.jsonValue({ maxDepth: 6 }),
    fc.record({ text: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object()) }),
    fc.record({ text: text, voice: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())) }),
  )
  .map((value) => ({ body: JSON.stringify(value) ?? "null", contentType: JSON_TYPE }));

/** The validation-error path's worst case known: a deep array beside a field of the wrong type. */
const deepNesting: fc.Arbitrary<Sent> = fc.tuple(fc.integer({ min: 1, max: 200_000 }), fc.constantFrom("[", '{"a":')).map(([depth, open]) => {
  const close = open === "[" ? "]" : "}";
  return { body: `{"text":1,"x":${open.repeat(depth)}${open === "[" ? "" : "1"}${close.repeat(depth)}}`, contentType: JSON_TYPE };
});

/** Bytes that are not JSON, under any content type. */
const notJson: fc.Arbitrary<Sent> = fc
  .tuple(fc.oneof(fc.string({ unit: "binary", maxLength: 400 }), fc.constantFrom("text=hi", "{", '{"text":', "[]", "")), contentType)
  .map(([body, type]) => ({ body, contentType: type }));

/** Texts around and far past the caps (100,000 cleaned characters, 1,000,000 raw). */
const oversize: fc.Arbitrary<Sent> = fc.integer({ min: 100_005, max: 1_300_000 }).map((length) => {
  const t = "word ".repeat(Math.ceil(length / 5)).slice(0, length);
  return { body: JSON.stringify({ text: t }), contentType: JSON_TYPE, text: t };
});

/** Failures print a summary of the body, not a megabyte of it. */
const summarized = (sent: Sent): Sent =>
  Object.assign(sent, {
    [fc.toStringMethod]: () => {
      const body = sent.body;
      const shown = body.length > 160 ? `${body.slice(0, 80)}…(${body.length} characters)…${body.slice(-40)}` : body;
      return `${sent.contentType ?? "no Content-Type"}: ${JSON.stringify(shown)}`;
    },
  });

/** Texts built from the patterns that text cleaning matches, repeated and nested: the inputs that once made it
 * quadratic ("(photo: " ten thousand times deep). */
const hostileText: fc.Arbitrary<Sent> = fc
  .tuple(
    fc.constantFrom("(photo: ", "[image: ", "(Photo by ", "Advertisement\n", "Share\n\n", "(credit: x) ", "Read more: ", "\u00AD", " \n \n"),
    fc.constantFrom(")", "]", "", "\n"),
    fc.integer({ min: 1_000, max: 1_000_000 }),
  )
  .map(([open, close, length]) => {
    // Whole repetitions only: a cut-off opener would match nothing and make the input easy.
    const opens = Math.max(1, Math.floor(length / 2 / open.length));
    const t = open.repeat(opens) + close.repeat(close ? Math.floor((length - opens * open.length) / close.length) : 0);
    return { body: JSON.stringify({ text: t }), contentType: JSON_TYPE, text: t };
  });

async function send(sent: Sent): Promise<Response> {
  const headers: Record<string, string> = {};
  if (sent.contentType) headers["Content-Type"] = sent.contentType;
  // A Blob without a type makes fetch send no Content-Type of its own.
  const body = sent.contentType ? sent.body : new Blob([sent.body]);
  return fetch(`${api.url}/api/tts`, { method: "POST", headers, body });
}

/** What is wrong with the answer to `sent`, or undefined when it is one of the answers the contract allows. */
async function contractBreach(sent: Sent): Promise<string | undefined> {
  const res = await send(sent);
  const raw = await res.text();
  if (![200, 400, 403, 413, 415, 422].includes(res.status)) return `status ${res.status}: ${raw.slice(0, 200)}`;
  if (!res.headers.get("content-type")?.includes("application/json")) return `status ${res.status} without a JSON content type`;
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return `status ${res.status} with a body that is not JSON`;
  }
  if (res.status !== 200) {
    const { error, code } = body as { error?: unknown; code?: unknown };
    if (typeof error !== "string" || !error || typeof code !== "string" || !/^[A-Z_]+$/.test(code))
      return `not the error shape: ${raw.slice(0, 200)}`;
    // Never echo the body: a refusal stays short whatever was sent.
    if (error.length > 300) return `an error message of ${error.length} characters`;
    return undefined;
  }
  if (sent.text === undefined) return "a 200 for a body that carries no text";
  const problems = wholeArticleProblems(body as TtsBody, sent.text);
  return problems.length ? problems.join("; ") : undefined;
}

const property = (arbitrary: fc.Arbitrary<Sent>, numRuns: number) =>
  fc.assert(
    fc.asyncProperty(arbitrary.map(summarized), async (sent) => {
      const breach = await contractBreach(sent);
      if (breach) throw new Error(breach);
    }),
    { numRuns, seed: 20261129, endOnFailure: true },
  );

describe("POST /api/tts under generated input", () => {
  it("answers request-shaped bodies with a whole article or a JSON refusal", () => property(requestShaped, 1200), 240_000);
  it("refuses any other JSON value with the error shape", () => property(anyJson, 600), 120_000);
  it("refuses deep nesting in linear time, never with a 500", () => property(deepNesting, 150), 120_000);
  it("refuses bytes that are not JSON and bodies that are not JSON", () => property(notJson, 400), 120_000);
  it("refuses texts past the caps before doing the work", () => property(oversize, 40), 120_000);
  it("cleans hostile texts of up to a million characters in linear time", () => property(hostileText, 40), 120_000);

  it("leaves no slot held and still answers /health", async () => {
    const health = await getHealth(api.url);
    expect(health.tts.activeSlots).toBe(0);
    expect(health.tts.queuedRequests).toBe(0);
  });
});
