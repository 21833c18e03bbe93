// The pid of the process listening on a loopback port, read from /proc the way `ss -ltnp` does: the app under
// test is `npm start`'s, whose children the test did not start, and a crash is what the test must cause.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

const LISTEN = "0A";

function listeningInode(port: number): string | undefined {
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const row of readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = row.trim().split(/\s+/);
      if (fields.length < 10 || fields[3] !== LISTEN) continue;
      if (parseInt(fields[1].split(":")[1], 16) === port) return fields[9];
    }
  }
  return undefined;
}

/** The pid whose socket listens on `port`, or undefined when none does (or it is another user's). */
export function pidListeningOn(port: number): number | undefined {
  const inode = listeningInode(port);
  if (!inode) return undefined;
  const socket = `socket:[${inode}]`;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === socket) return Number(pid);
      } catch {
        // the fd closed while we looked
      }
    }
  }
  return undefined;
}
