// Limits the app under test runs with (playwright.config.ts sets them), where a test needs the number itself.

/**
 * TTS_MAX_TEXT_CHARS: below the default, so an article in parts streams 60,000 characters rather than 100,000,
 * and above the long sample (about 48,000 with a test's tags), which every other spec plays as one part.
 */
export const SPEECH_LIMIT = 60_000;
