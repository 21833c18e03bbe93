// The most cleaned characters one request may ask the API to speak (TTS_MAX_TEXT_CHARS defaults to it). The
// browser reads an article longer than this as parts, each within it (client/listening/speech-parts.ts).
export const MAX_SPEECH_CHARS = 100_000;

/**
 * The limit a deployment set (`TTS_MAX_TEXT_CHARS`, as the API reads it) or the default: the reader's page splits
 * an article at the API's own limit, so a lowered limit makes more parts rather than a refusal.
 */
export function speechLimit(configured: string | undefined): number {
  const chars = Number(configured);
  return configured && Number.isSafeInteger(chars) && chars > 0 ? chars : MAX_SPEECH_CHARS;
}
