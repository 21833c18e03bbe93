// The signing secret `npm start` gives the API and the web app when AUTH_SECRET is not set. It is kept in a
// git-ignored file so it survives restarts: a fresh secret per start left every signed-in reader with a cookie
// the API refused (401 on every listen) while the page still showed them signed in.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { dirname } from "node:path";

/** The secret stored at `path`, made (mode 0600) on first use; two starts racing to make it agree on one. */
export function loadOrCreateAuthSecret(path) {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
  }
  const secret = readFileSync(path, "utf8").trim();
  // The API refuses a secret shorter than 32 characters (server/env.ts); say which file holds it.
  if (secret.length < 32) throw new Error(`${path} holds a secret shorter than 32 characters; delete it to make a new one`);
  return secret;
}
