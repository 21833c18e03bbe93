// What names this API process among its replicas (/health, the cluster's counters, logs): API_REPLICA_ID when
// the deploy gives one (docs/deploy.md), else host name and process id, unique on a machine and across them.
import { createHash } from "node:crypto";
import { hostname } from "node:os";

export function replicaId(configured: string | undefined): string {
  return configured ?? `${hostname()}:${process.pid}`;
}

/** The name anyone may see (/health without HEALTH_TOKEN, the cluster's list): API_REPLICA_ID, or an alias of the
 * default that does not tell the host name or the process id. */
export function publicReplicaId(configured: string | undefined): string {
  return configured ?? `replica-${createHash("sha256").update(replicaId(undefined)).digest("hex").slice(0, 8)}`;
}
