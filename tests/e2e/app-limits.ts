// Limits the app under test runs with (playwright.config.ts sets them), where a test needs the number itself.

/** TTS_MAX_TEXT_CHARS: a fifth of the default, so an article in parts is 20,000 characters, not 100,000. */
export const SPEECH_LIMIT = 20_000;
