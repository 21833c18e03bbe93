// docs/architecture.md's route table, rendered from the composed app's own (server/plugins/guards.ts): what each
// route takes and which guards it gets.
import { MAX_BODY_BYTES, MAX_BODY_DEPTH } from "@/lib/http/json-body";
import type { RouteGuards } from "@/server/plugins/guards";

export interface RouteRow {
  method: string;
  path: string;
  guards: RouteGuards;
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : bytes >= 1024 ? `${Math.ceil(bytes / 1024)} KiB` : `${bytes} bytes`;

export function routeTable(routes: readonly RouteRow[]): string {
  const rows = routes.map(({ method, path, guards }) => {
    const body = guards.body
      ? `JSON, ≤ ${size(guards.body.maxBytes ?? MAX_BODY_BYTES)}, depth ≤ ${guards.body.maxDepth ?? MAX_BODY_DEPTH}`
      : "none (a body is refused)";
    const limit = guards.limit ? `\`${guards.limit}\`, before the body` : "—";
    const caller = guards.signedIn ? "signed in (401 otherwise)" : guards.operator ? "anyone; more with `HEALTH_TOKEN`" : "anyone";
    return `| ${method} | \`${path}\` | ${body} | ${limit} | ${caller} |`;
  });
  return ["| method | path | body | per-client limit | who |", "|---|---|---|---|---|", ...rows].join("\n");
}
