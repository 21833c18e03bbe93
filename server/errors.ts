// A failure a caller can see: a stable `code` (the error table in docs/architecture.md) and the HTTP status it maps to.
// The failures several places raise are built here; a module that alone raises one builds its AppError itself.
// server/app.ts turns every AppError thrown into the `{ error, code }` response.
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly retryAfterSeconds?: number;
  /** extra response headers a controller attaches (e.g. the reader's daily usage on a refusal) */
  readonly headers?: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { retryAfterSeconds?: number; cause?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.headers = options.headers;
  }
}

/** The same error answered with more headers. */
export const withHeaders = (error: AppError, headers: Record<string, string>) =>
  new AppError(error.status, error.code, error.message, {
    retryAfterSeconds: error.retryAfterSeconds,
    cause: error.cause,
    headers: { ...error.headers, ...headers },
  });

export const invalidRequest = (message: string) => new AppError(400, "INVALID_REQUEST", message);
export const unsupportedMediaType = () =>
  new AppError(415, "UNSUPPORTED_MEDIA_TYPE", "Request body must be JSON, sent as Content-Type: application/json");
export const bodyTooLarge = (maxBytes: number) =>
  new AppError(
    413,
    "BODY_TOO_LARGE",
    `Request body is over the ${maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.ceil(maxBytes / 1024)} KB`} limit`,
  );
export const unauthorized = (message = "Invalid or expired session token") => new AppError(401, "UNAUTHORIZED", message);
export const textTooLong = (length: number, max: number) =>
  new AppError(413, "TEXT_TOO_LONG", `Article text is ${length} characters after cleaning; the limit is ${max}`);
export const unsupportedLanguage = (name: string) => new AppError(422, "UNSUPPORTED_LANGUAGE", `Listen can't read ${name} yet: no voice speaks it`);
export const premiumVoice = (voice: string) => new AppError(403, "PREMIUM_VOICE", `Premium voice requires subscription (${voice})`);
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(429, "RATE_LIMITED", "Too many requests: try again in a minute", { retryAfterSeconds });
export const userBusy = (retryAfterSeconds = 5) =>
  new AppError(429, "USER_BUSY", "You already have audio being generated: wait for it to finish", { retryAfterSeconds });
export const dailyLimit = (limit: number, retryAfterSeconds: number) =>
  new AppError(429, "DAILY_LIMIT", `Daily limit reached: free listening covers ${limit} articles a day`, { retryAfterSeconds });
export const ttsBusy = (retryAfterSeconds = 5) => new AppError(503, "TTS_BUSY", "TTS service busy: try again shortly", { retryAfterSeconds });
export const ttsDisabled = () => new AppError(503, "TTS_DISABLED", "Text-to-speech is not configured on this server");
export const upstreamUnavailable = (message = "The speech service is unavailable: try again shortly", cause?: unknown) =>
  new AppError(503, "UPSTREAM_UNAVAILABLE", message, { cause });
export const upstreamError = (message: string, cause?: unknown) => new AppError(502, "UPSTREAM_ERROR", message, { cause });
export const upstreamTimeout = (cause?: unknown) => new AppError(504, "UPSTREAM_TIMEOUT", "The speech service took too long to answer", { cause });
export const audioTooLarge = (bytes: number) =>
  new AppError(502, "UPSTREAM_ERROR", `Generated audio is ${Math.round(bytes / 1e6)} MB, over the 50 MB limit`);
export const invalidUrl = (reason: string) => new AppError(400, "INVALID_URL", `This link cannot be imported: ${reason}`);
export const urlForbidden = () =>
  new AppError(403, "URL_FORBIDDEN", "This link points to a private or reserved address, which imports may not reach");
export const pageTooLarge = (maxBytes: number) =>
  new AppError(413, "PAGE_TOO_LARGE", `The page is larger than the ${Math.round(maxBytes / 1024)} KB import limit`);
export const pageTooComplex = () => new AppError(413, "PAGE_TOO_LARGE", "The page has too many elements to reduce to an article");
export const extractionTooSlow = (ms: number) =>
  new AppError(413, "PAGE_TOO_LARGE", `The page is too large to reduce to an article within ${Math.round(ms / 1000)} s`);
export const importBusy = (retryAfterSeconds = 5) =>
  new AppError(503, "IMPORT_BUSY", "Imports are busy right now: try again in a few seconds", { retryAfterSeconds });
export const unsupportedContent = (contentType: string) =>
  new AppError(415, "UNSUPPORTED_CONTENT", `Only web pages and plain text can be imported, not ${contentType.slice(0, 100)}`);
export const noArticle = () => new AppError(422, "NO_ARTICLE", "No readable article was found on this page");
export const fetchFailed = (reason: string, cause?: unknown) =>
  new AppError(502, "FETCH_FAILED", `The page could not be fetched: ${reason}`, { cause });
export const fetchTimeout = () => new AppError(504, "FETCH_TIMEOUT", "The site took too long to answer");
export const notFound = (what: string) => new AppError(404, "NOT_FOUND", `${what} not found`);
