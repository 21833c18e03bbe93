// Invariant 19: every route gets the same guards by construction. The walk reads the composed app's route table
// (the very app server/index.ts serves) and sends every route that can carry a body the hostile bodies of the
// review: nesting a million deep, 9 MB, a form, application/jsonx, a lone surrogate, the wrong types. Each must
// be refused by the body rules (400/413/415, the JSON error shape, nothing echoed) quickly, while /health keeps
// answering; a route the walk cannot reach with a body fails the test. Then the per-client limit: counted before
// the body is read, so refused bodies use it up too.
import { availableParallelism, loadavg } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import { compose } from "@/server/compose";
import { loadEnv } from "@/server/env";
import { guardsOf } from "@/server/plugins/guards";
import { startApi, type RunningProcess } from "../support/processes";
import { AUTH_SECRET, sessionToken } from "../support/tts-api";

const ENV = {
  LOG_LEVEL: "silent",
  INWORLD_API_KEY: "",
  REDIS_URL: "",
  AUTH_SECRET,
  DEMO_AUTH: "1",
  TTS_RATE_LIMIT_PER_MIN: "3",
  IMPORT_RATE_LIMIT_PER_MIN: "3",
  ACCOUNT_RATE_LIMIT_PER_MIN: "3",
};

const composition = compose(loadEnv(ENV));
const routes = createApp(composition.options).routes.map((route) => ({ method: route.method, path: route.path, guards: guardsOf(route) }));

const withBody = routes.filter((route) => !["GET", "HEAD"].includes(route.method));

let api: RunningProcess;
let token: string;

beforeAll(async () => {
  api = await startApi(ENV);
  token = await sessionToken("free", "route-walker");
  // A first pass warms the server's and this client's code paths: what the walk measures is the refusal itself.
  for (const route of withBody)
    for (const hostile of HOSTILE) await send(route.method, concretePath(route.path), hostile, freshClient()).then((res) => res.text());
}, 60_000);
afterAll(async () => {
  await api?.stop();
  await composition.close();
});

// A value each path parameter accepts, so the request reaches the body rules rather than a path error.
const PARAMETERS: Record<string, string> = {
  id: "AAAAAAAAAAAAAAAAAAAAAA",
  articleId: "AAAAAAAAAAAAAAAAAAAAAA",
  key: "AAAAAAAAAAAAAAAAAAAAAA:Ashley",
  secret: "AAAAAAAAAAAAAAAAAAAAAA.xml",
  file: "AAAA.mp3",
};

function concretePath(path: string): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = PARAMETERS[name];
    if (!value) throw new Error(`the walk has no value for the path parameter :${name} of ${path}`);
    return value;
  });
}

const MARKUP = "<img src=x onerror=alert(1)>";
const DEPTH = 1_000_000;

interface Hostile {
  name: string;
  body: string;
  contentType: string;
}

const HOSTILE: Hostile[] = [
  { name: "nesting a million deep", body: `{"x":${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}}`, contentType: "application/json" },
  { name: "9 MB", body: `{"text":"${"a".repeat(9 * 1024 * 1024)}"}`, contentType: "application/json" },
  { name: "a form", body: `text=${encodeURIComponent(MARKUP)}`, contentType: "application/x-www-form-urlencoded" },
  { name: "application/jsonx", body: '{"text":"hello"}', contentType: "application/jsonx" },
  { name: "a lone surrogate", body: '{"text":"\\ud800 alone","url":"\\udc00"}', contentType: "application/json" },
  { name: "the wrong types", body: `{"${MARKUP}":[1,{"a":null}],"text":7,"tier":false,"progress":"${MARKUP}"}`, contentType: "application/json" },
];

const BODY_CODES = ["INVALID_REQUEST", "BODY_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"];
let nextClient = 1;
/** A fresh client address per request (the test process is the API's trusted loopback proxy), so no limit interferes. */
const freshClient = () => {
  const n = nextClient++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

// 200 ms on a quiet machine (the review's bound; before the guards such a body held the API for 12 s). A machine
// busier than it has cores stretches every answer alike, so the bound stretches with the load.
const budgetMs = () => 200 * Math.max(1, loadavg()[0] / availableParallelism());

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

// Encoded once: turning 9 MB of text into bytes for every request would be the client's time, not the server's.
const bytes = new Map<Hostile, Blob>();
const encoded = (hostile: Hostile): Blob => {
  if (!bytes.has(hostile)) bytes.set(hostile, new Blob([hostile.body]));
  return bytes.get(hostile)!;
};

function send(method: string, path: string, hostile: Hostile, client: string): Promise<Response> {
  return fetch(`${api.url}${path}`, {
    method,
    headers: { "Content-Type": hostile.contentType, Authorization: `Bearer ${token}`, "X-Forwarded-For": client },
    body: encoded(hostile),
  });
}

describe("the composed app's route table", () => {
  it("has routes that take bodies, and every one of them states a per-client limit", () => {
    expect(withBody.length).toBeGreaterThanOrEqual(6);
    for (const route of routes.filter((r) => r.guards.body)) expect(route.guards.limit, `${route.method} ${route.path}`).toBeDefined();
  });

  it("states no body on a route a body cannot be sent to", () => {
    for (const route of routes.filter((r) => ["GET", "HEAD"].includes(r.method))) {
      expect(route.guards.body, `${route.method} ${route.path} takes a body the walk cannot send`).toBeUndefined();
    }
  });

  describe.each(withBody.map((route) => [`${route.method} ${route.path}`, route] as const))("%s", (_name, route) => {
    it.each(HOSTILE.map((hostile) => [hostile.name, hostile] as const))(
      "refuses %s with the body rules' JSON error within 200 ms, /health answering meanwhile",
      async (_hostile, hostile) => {
        // Timed to the answer's headers: the refusal, not how long the client takes to hand over 9 MB.
        const [refused, health] = await Promise.all([
          timed(() => send(route.method, concretePath(route.path), hostile, freshClient())),
          timed(() => fetch(`${api.url}/health`).then((res) => res.status)),
        ]);
        const res = refused.value;
        const text = await res.text();
        expect([400, 413, 415], text.slice(0, 200)).toContain(res.status);
        expect(res.headers.get("content-type")).toContain("application/json");
        const body = JSON.parse(text) as { error: string; code: string };
        expect(BODY_CODES).toContain(body.code);
        expect(body.error.length).toBeLessThan(200);
        expect(body.error).not.toContain("<img");
        expect(refused.ms).toBeLessThan(budgetMs());
        expect(health.value).toBe(200);
        expect(health.ms).toBeLessThan(budgetMs());
      },
    );
  });

  it.each(withBody.filter((route) => route.guards.limit).map((route) => [`${route.method} ${route.path}`, route] as const))(
    "%s counts its limit before reading the body, so refused bodies use it up",
    async (_name, route) => {
      const client = freshClient();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await send(route.method, concretePath(route.path), HOSTILE[0], client)).status);
      expect(statuses.slice(0, 3).every((status) => status !== 429)).toBe(true);
      expect(statuses[3]).toBe(429);
    },
  );
});
