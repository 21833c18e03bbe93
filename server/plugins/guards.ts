// The rules every route gets, by construction (docs/architecture.md invariant 19, "Guards"). One named plugin,
// used once where the app is composed (server/app.ts) and by each module for its types, declares three macros a
// route states its needs with:
//
//   ipLimit: "tts"            which per-client limit the route counts against
//   jsonBody: true | {…}      the route takes a JSON body, within these byte and depth limits
//   signedIn: true            anonymous callers get 401; the handler gets the reader's `sub`
//
// and enforces them in hooks that run on every route of the app, whether the route states anything or not: the
// plugin's own parse hook runs before any other, counts the route's limit before a byte of the body is read,
// then reads the body with the one capped reader (lib/http/json-body.ts). A route that states no `jsonBody`
// takes no body at all (any body is refused), so a route added later that forgets the macro is refused bodies
// rather than handed to Elysia's default parser, and a route that takes a body without a limit stops the app
// at start (`seal`).
import { Elysia, type DocumentDecoration } from "elysia";
import { BodyRefusal, hasBody, readJsonBody, type JsonBodyLimits } from "@/lib/http/json-body";
import type { IdentityResolver } from "../auth/identity";
import { AppError, invalidRequest, rateLimited, unauthorized } from "../errors";
import type { RateLimiter } from "../limits/rate-limiter";
import { resolveClientIp, type TrustedProxies } from "@/lib/net/client-address.mjs";

/** The per-client limits a route may count against (each its own window and its own Redis keys). */
export const CLIENT_LIMITS = ["tts", "import", "account"] as const;
export type ClientLimit = (typeof CLIENT_LIMITS)[number];

/** What a route gets, as its macros stated it: also what docs/architecture.md's route table lists. */
export interface RouteGuards {
  limit?: ClientLimit;
  body?: JsonBodyLimits;
  signedIn?: boolean;
  /** /health: its Authorization is the operator's token, not a reader's session */
  operator?: boolean;
}

export interface GuardOptions {
  identity: IdentityResolver;
  trustedProxies: TrustedProxies;
  limits: Record<ClientLimit, RateLimiter>;
}

interface PeerSource {
  requestIP(request: Request): { address: string } | null;
}

/** The client address of a request: the socket's peer unless that peer is a trusted proxy (invariant 13). */
function clientIpOf(request: Request, server: PeerSource | null | undefined, trustedProxies: TrustedProxies): string {
  return resolveClientIp({
    // app.handle() in tests has no socket; treat it as the local proxy it stands in for.
    peerIp: server?.requestIP(request)?.address ?? "127.0.0.1",
    forwardedFor: request.headers.get("x-forwarded-for"),
    trusted: trustedProxies,
  });
}

const takesNoBody = () => invalidRequest("This endpoint takes no request body");
const asAppError = (error: unknown) => (error instanceof BodyRefusal ? new AppError(error.status, error.code, error.message) : error);

const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

// Elysia merges what each macro returns under `detail` into the route's own, and keeps it in the route table:
// an OpenAPI extension field ("x-…") is where a route's document may carry our own facts.
const GUARDS_FIELD = "x-guards";
const stated = (guards: RouteGuards) => ({ detail: { [GUARDS_FIELD]: guards } as DocumentDecoration });

/** The guards a route of the composed app states. */
export const guardsOf = (route: { hooks: { detail?: unknown } }): RouteGuards =>
  ((route.hooks.detail as Record<string, RouteGuards | undefined> | undefined)?.[GUARDS_FIELD] ?? {}) as RouteGuards;

export function createGuards({ identity, trustedProxies, limits }: GuardOptions) {
  const byRoute = new Map<string, RouteGuards>();
  // Requests whose limit has been counted: parse counts those with a body phase, transform the others (GET).
  const counted = new WeakSet<Request>();

  const count = async (request: Request, server: PeerSource | null, rules: RouteGuards) => {
    if (!rules.limit || counted.has(request)) return;
    counted.add(request);
    const verdict = await limits[rules.limit].hit(clientIpOf(request, server, trustedProxies));
    if (!verdict.allowed) throw rateLimited(verdict.retryAfterSeconds);
  };

  const rulesOf = (request: Request, route: string) => byRoute.get(routeKey(request.method, route)) ?? {};

  const plugin = new Elysia({ name: "guards" })
    .onParse({ as: "global" }, async ({ request, route, server }) => {
      const rules = rulesOf(request, route);
      await count(request, server, rules);
      if (!rules.body) {
        if (hasBody(request)) throw takesNoBody();
        return {};
      }
      try {
        return await readJsonBody(request, rules.body);
      } catch (error) {
        throw asAppError(error);
      }
    })
    .onTransform({ as: "global" }, ({ request, route, server }) => count(request, server, rulesOf(request, route)))
    .derive({ as: "global" }, ({ request, server }) => ({ clientIp: clientIpOf(request, server, trustedProxies) }))
    .resolve({ as: "global" }, async ({ request, route }) => ({
      identity: await identity.resolve(rulesOf(request, route).operator ? null : request.headers.get("authorization")),
    }))
    .macro({
      ipLimit: (limit: ClientLimit) => stated({ limit }),
      jsonBody: (body: true | JsonBodyLimits) => stated({ body: body === true ? {} : body }),
      // Functions, not objects: Elysia merges a macro's `detail` into the route's in place, so each route needs its own.
      signedIn: (signedIn: true) => ({
        ...stated({ signedIn }),
        resolve: ({ identity: caller }) => {
          if (caller.kind !== "user") throw unauthorized("Sign in first: without an account this stays in your browser");
          return { sub: caller.sub };
        },
      }),
      operator: (operator: true) => stated({ operator }),
    });

  /**
   * Reads the composed app's route table once, before it serves: from then on the hooks above know each route's
   * rules. Refuses to start an app with a route that takes a body but counts no limit before reading it.
   */
  const seal = (routes: ReadonlyArray<{ method: string; path: string; hooks: { detail?: unknown } }>) => {
    for (const route of routes) {
      const rules = guardsOf(route);
      if (rules.body && !rules.limit) throw new TypeError(`${routeKey(route.method, route.path)} takes a body but states no ipLimit`);
      byRoute.set(routeKey(route.method, route.path), rules);
    }
  };

  return { plugin, seal };
}

export type Guards = ReturnType<typeof createGuards>["plugin"];
