// Who is calling and from where, derived once per request for every route that opts in.
import { Elysia } from "elysia";
import type { IdentityResolver } from "../auth/identity";
import { resolveClientIp, type TrustedProxies } from "../limits/client-ip";

export interface CallerOptions {
  identity: IdentityResolver;
  trustedProxies: TrustedProxies;
}

interface PeerSource {
  requestIP(request: Request): { address: string } | null;
}

/** The client address of a request; also for hooks that run before `clientIp` is derived (body parsing). */
export function clientIpOf(request: Request, server: PeerSource | null | undefined, trustedProxies: TrustedProxies): string {
  return resolveClientIp({
    // app.handle() in tests has no socket; treat it as the local proxy it stands in for.
    peerIp: server?.requestIP(request)?.address ?? "127.0.0.1",
    forwardedFor: request.headers.get("x-forwarded-for"),
    trusted: trustedProxies,
  });
}

export const callerPlugin = ({ identity, trustedProxies }: CallerOptions) =>
  new Elysia()
    .derive({ as: "scoped" }, ({ request, server }) => ({ clientIp: clientIpOf(request, server, trustedProxies) }))
    .resolve({ as: "scoped" }, async ({ request }) => ({
      identity: await identity.resolve(request.headers.get("authorization")),
    }));
