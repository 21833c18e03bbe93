// How many chunks of one article the API synthesizes at once (docs/architecture.md, "Parallel synthesis").
// TTS_CHUNK_CONCURRENCY overrides it on the server; the browser, which cannot see that setting, uses this
// default to estimate how long a whole article takes.
export const DEFAULT_CHUNK_CONCURRENCY = 3;
