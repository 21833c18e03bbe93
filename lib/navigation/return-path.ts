/** A `from` query value made safe to redirect or link to: only a path on this site, else the fallback. */
export function safeReturnPath(value: unknown, fallback: string): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : fallback;
}
