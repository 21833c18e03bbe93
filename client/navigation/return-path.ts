// Any origin will do as the base: only whether the value stays on it matters. URL parsing is what a browser
// does with a Location header or a link (it drops tabs and newlines, reads "\" as "/", and so on), so a value
// that keeps this origin here keeps the site's origin there.
const BASE = "http://return-path.invalid";

function pathOnSite(value: string): string | undefined {
  if (!value.startsWith("/")) return undefined;
  try {
    const resolved = new URL(value, BASE);
    return resolved.origin === BASE ? resolved.pathname + resolved.search + resolved.hash : undefined;
  } catch {
    return undefined;
  }
}

/** A `from` query value made safe to redirect or link to: a path on this site, as resolved, else the fallback. */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== "string") return fallback;
  const path = pathOnSite(value);
  // What is sent is the resolved form, so that is what must stay on the site: "/.//evil" resolves to the
  // path "//evil", which a browser would read as another host.
  return path !== undefined && pathOnSite(path) === path ? path : fallback;
}
