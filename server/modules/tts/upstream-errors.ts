// How an Inworld failure reads to our caller (docs/architecture.md error table). Readers get our words, never the
// upstream's text (which may name internals); the upstream error stays the AppError's cause, for the logs.
import { AppError, upstreamError, upstreamTimeout, upstreamUnavailable } from "../../errors";
import { InworldHttpError, InworldRateLimitError, InworldResponseError, InworldTimeoutError, InworldUnavailableError } from "../../inworld/errors";

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof InworldRateLimitError) {
    return upstreamUnavailable("The speech service is still rate-limiting after retries: try again shortly", error);
  }
  if (error instanceof InworldTimeoutError) return upstreamTimeout(error);
  if (error instanceof InworldUnavailableError) return upstreamUnavailable(undefined, error);
  if (error instanceof InworldHttpError) {
    // 502/503/504 from Inworld mean it is down or overloaded, not that it rejected this text.
    if (error.status === 502 || error.status === 503 || error.status === 504) return upstreamUnavailable(undefined, error);
    return upstreamError(`The speech service answered an error (HTTP ${error.status})`, error);
  }
  if (error instanceof InworldResponseError) return upstreamError("The speech service sent audio we could not use", error);
  return new AppError(500, "INTERNAL", "Audio generation failed unexpectedly", { cause: error });
}
