// How many chunks of one article the API synthesizes at once (spec: 3 parallel Inworld calls per article).
// TTS_CHUNK_CONCURRENCY overrides it on the server; the browser, which cannot see that setting, uses this
// default to estimate how long a whole article takes.
export const DEFAULT_CHUNK_CONCURRENCY = 3;
