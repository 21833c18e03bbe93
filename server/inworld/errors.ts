// What the Inworld client signals. The client never retries: the synthesizer decides (docs/architecture.md,
// "Parallel synthesis").
export class InworldRateLimitError extends Error {
  override name = "InworldRateLimitError";
  readonly code = "INWORLD_RATE_LIMITED";
  constructor(
    readonly retryAfterMs: number | undefined,
    message = "Inworld rate limit (429)",
  ) {
    super(message);
  }
}

export class InworldHttpError extends Error {
  override name = "InworldHttpError";
  readonly code = "INWORLD_HTTP_ERROR";
  constructor(
    readonly status: number,
    readonly grpcCode: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

export class InworldTimeoutError extends Error {
  override name = "InworldTimeoutError";
  readonly code = "INWORLD_TIMEOUT";
  constructor(readonly timeoutMs: number) {
    super(`Inworld did not answer within ${timeoutMs} ms`);
  }
}

/** The network failed before Inworld answered (refused, reset, DNS). */
export class InworldUnavailableError extends Error {
  override name = "InworldUnavailableError";
  readonly code = "INWORLD_UNAVAILABLE";
}

/** Inworld answered 200 with a body we cannot use. */
export class InworldResponseError extends Error {
  override name = "InworldResponseError";
  readonly code = "INWORLD_BAD_RESPONSE";
}
