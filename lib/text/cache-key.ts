// Cache keys for synthesized audio, SHA-256 (docs/architecture.md, invariant 9: a key
// covers everything that changes the audio). Web Crypto only, so the same code runs in Node 20, Bun and browsers.

/** Bump when anything that shapes the cached audio or alignment changes without showing up in the fields. */
export const CACHE_VERSION = "v3";

export interface AudioSettings {
  modelId: string;
  audioEncoding: "MP3";
  sampleRateHertz: number;
  bitRate: number;
}

/** What the API asks Inworld for (docs/architecture.md, "Contracts"); the server overrides modelId from INWORLD_MODEL_ID. The
 * browser keys its IndexedDB copy with these too, so a client key names the same audio as the server's. */
export const DEFAULT_AUDIO_SETTINGS: AudioSettings = {
  modelId: "inworld-tts-1.5-mini",
  audioEncoding: "MP3",
  sampleRateHertz: 44_100,
  bitRate: 64_000,
};

export interface CacheKeyInput {
  text: string;
  voiceId: string;
  /** the language spoken (a BCP 47 primary subtag, "en" by default on the API) */
  lang: string;
  settings: AudioSettings;
}

export async function sha256Hex(input: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(input));
  let hex = "";
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

// JSON of an array keeps the fields apart whatever they contain ("a|b" + "c" never equals "a" + "b|c"), and
// the kind keeps an article that is a single chunk from sharing a key with that chunk.
function cacheKey(kind: "article" | "chunk" | "conversation", settings: AudioSettings, lang: string, spoken: unknown[]): Promise<string> {
  return sha256Hex(
    JSON.stringify([CACHE_VERSION, kind, settings.modelId, settings.audioEncoding, settings.sampleRateHertz, settings.bitRate, lang, ...spoken]),
  );
}

/** Key of a whole merged article (audio, alignment and duration). */
export function articleCacheKey({ text, voiceId, lang, settings }: CacheKeyInput): Promise<string> {
  return cacheKey("article", settings, lang, [voiceId, text]);
}

/** Key of a whole conversation: every segment's voice and text, in order (docs/architecture.md "Conversations"). */
export function conversationCacheKey({
  segments,
  lang,
  settings,
}: {
  segments: ReadonlyArray<{ text: string; voiceId: string }>;
  lang: string;
  settings: AudioSettings;
}): Promise<string> {
  return cacheKey(
    "conversation",
    settings,
    lang,
    segments.map((s) => [s.voiceId, s.text]),
  );
}

/** Key of one synthesized chunk. */
export function chunkCacheKey({ text, voiceId, lang, settings }: CacheKeyInput): Promise<string> {
  return cacheKey("chunk", settings, lang, [voiceId, text]);
}
