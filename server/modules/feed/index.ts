// The private podcast feed (docs/architecture.md "Feeds"): /api/feed for its signed-in owner, /feed/* for their
// podcast app, which carries no session, only the secret in the URL.
import { Elysia } from "elysia";
import { notFound, rateLimited, unauthorized } from "../../errors";
import type { RateLimiter } from "../../limits/rate-limiter";
import { callerPlugin, clientIpOf, type CallerOptions } from "../../plugins/caller";
import { readJsonBody } from "../../plugins/json-body";
import { byteRange } from "./byte-range";
import { FeedItemBody, FeedItemParams, MAX_FEED_ITEM_BODY_BYTES } from "./model";
import type { FeedService } from "./service";

export interface FeedModuleOptions extends CallerOptions {
  service: FeedService;
  /** the listen's own IP limit: adding an article makes audio as a listen does */
  ipLimiter: RateLimiter;
}

// The audio of a key never changes (the key is the SHA-256 of the bytes).
const IMMUTABLE = "private, max-age=31536000, immutable";
const HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * Where the reader's podcast app reached us, for the feed's absolute URLs: the web app's proxy names the host and
 * scheme the app used (app/feed/[...path]/route.ts); a request straight to the API uses its own URL.
 */
function originOf(request: Request): string {
  const host = request.headers.get("x-forwarded-host");
  const proto = request.headers.get("x-forwarded-proto");
  if (host && HOST.test(host) && (proto === "http" || proto === "https")) return `${proto}://${host}`;
  return new URL(request.url).origin;
}

function enclosureResponse(request: Request, bytes: Uint8Array, etag: string): Response {
  const headers = new Headers({ "Content-Type": "audio/mpeg", "Accept-Ranges": "bytes", ETag: etag, "Cache-Control": IMMUTABLE });
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  // A client resuming against another version would splice two files: If-Range that is not ours means the whole file.
  const ifRange = request.headers.get("if-range");
  const range = ifRange === null || ifRange === etag ? byteRange(request.headers.get("range"), bytes.byteLength) : { kind: "whole" as const };
  const head = request.method === "HEAD";
  if (range.kind === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${bytes.byteLength}`);
    headers.set("Content-Type", "application/json; charset=utf-8");
    const body = JSON.stringify({ error: "The requested range is outside the file", code: "RANGE_NOT_SATISFIABLE" });
    return new Response(head ? null : body, { status: 416, headers });
  }
  const part = range.kind === "partial" ? bytes.subarray(range.start, range.end + 1) : bytes;
  headers.set("Content-Length", String(part.byteLength));
  if (range.kind === "partial") headers.set("Content-Range", `bytes ${range.start}-${range.end}/${bytes.byteLength}`);
  return new Response(head ? null : (part as Uint8Array<ArrayBuffer>), { status: range.kind === "partial" ? 206 : 200, headers });
}

export const feedModule = ({ service, ipLimiter, ...caller }: FeedModuleOptions) => {
  const owner = new Elysia({ prefix: "/api/feed" })
    .use(callerPlugin(caller))
    .resolve(({ identity }) => {
      if (identity.kind !== "user") throw unauthorized("Sign in to get a podcast feed of your articles");
      return { sub: identity.sub };
    })
    .get("/", async ({ sub, set }) => {
      set.headers["cache-control"] = "no-store";
      return service.summary(sub);
    })
    .post("/", async ({ sub }) => {
      const url = await service.create(sub);
      return new Response(JSON.stringify({ url }), {
        status: 201,
        headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
      });
    })
    .put(
      "/items/:articleId",
      async ({ sub, identity, clientIp, params, body }) => {
        const item = await service.add({ sub, articleId: params.articleId, voice: body.voice, identity, clientIp });
        return new Response(JSON.stringify({ articleId: item.articleId, voice: item.voice, status: item.status }), {
          status: 202,
          headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
        });
      },
      {
        params: FeedItemParams,
        body: FeedItemBody,
        // Counted as a listen is, before the body is read.
        parse: [
          async ({ request, server }: { request: Request; server: Parameters<typeof clientIpOf>[1] }) => {
            const verdict = await ipLimiter.hit(clientIpOf(request, server, caller.trustedProxies));
            if (!verdict.allowed) throw rateLimited(verdict.retryAfterSeconds);
          },
          ({ request }: { request: Request }) => readJsonBody(request, { maxBytes: MAX_FEED_ITEM_BODY_BYTES, maxDepth: 1 }),
        ],
      },
    )
    .delete(
      "/items/:articleId",
      async ({ sub, params }) => {
        await service.remove(sub, params.articleId);
        return new Response(null, { status: 204 });
      },
      { params: FeedItemParams },
    );

  // No schema on these params: a malformed secret or key is simply not a feed, so 404 like an unknown one.
  const feedXml = async ({ request, params }: { request: Request; params: { secret: string } }) => {
    // "{secret}.xml": one path segment, so one parameter (Elysia names a segment's parameter once for all routes).
    const secret = params.secret.endsWith(".xml") ? params.secret.slice(0, -4) : "";
    const xml = await service.feed(secret, originOf(request));
    if (xml === undefined) throw notFound("Feed");
    const body = new TextEncoder().encode(xml);
    const headers = {
      "Content-Type": "application/rss+xml; charset=utf-8",
      "Content-Length": String(body.byteLength),
      "Cache-Control": "private, no-cache",
    };
    return new Response(request.method === "HEAD" ? null : body, { headers });
  };
  const enclosure = async ({ request, params }: { request: Request; params: { secret: string; file: string } }) => {
    const audioKey = params.file.endsWith(".mp3") ? params.file.slice(0, -4) : "";
    const bytes = await service.enclosure(params.secret, audioKey);
    if (!bytes) throw notFound("Feed item");
    return enclosureResponse(request, bytes, `"${audioKey}"`);
  };
  const files = new Elysia({ prefix: "/feed" })
    .get("/:secret", feedXml)
    .head("/:secret", feedXml)
    .get("/:secret/:file", enclosure)
    .head("/:secret/:file", enclosure);

  return new Elysia().use(owner).use(files);
};
