// The most cleaned characters one request may ask the API to speak (TTS_MAX_TEXT_CHARS defaults to it). The
// browser reads an article longer than this as parts, each within it (client/listening/speech-parts.ts).
export const MAX_SPEECH_CHARS = 100_000;
