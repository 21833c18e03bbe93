// Argument checks for the factories (createRateLimiter, createArticleCache, ...): a bad option fails at
// construction with a TypeError that names it, not later as odd behaviour.

export function assertPositiveInteger(name: string, value: unknown): void {
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new TypeError(`Expected \`${name}\` to be a positive integer, got ${String(value)}`);
  }
}

export function assertPositive(name: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(`Expected \`${name}\` to be a positive number, got ${String(value)}`);
  }
}
