// What names this API process among its replicas (/health, the cluster's counters, logs): API_REPLICA_ID when
// the deploy gives one (docs/deploy.md), else host name and process id, unique on a machine and across them.
import { hostname } from "node:os";

export function replicaId(configured: string | undefined): string {
  return configured ?? `${hostname()}:${process.pid}`;
}
