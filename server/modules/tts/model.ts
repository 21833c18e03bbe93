import { t, type Static } from "elysia";

// The raw text may carry junk that cleaning strips, so its cap is looser than TTS_MAX_TEXT_CHARS (which
// applies after cleaning and answers 413); this one only stops absurd bodies early.
export const MAX_RAW_TEXT_CHARS = 1_000_000;

// Each schema carries its own message (`error`): Elysia then answers with it instead of building one that
// pretty-prints the whole body (quadratic in its nesting), and nothing the caller sent is echoed back.
export const TtsRequest = t.Object(
  {
    text: t.String({ maxLength: MAX_RAW_TEXT_CHARS, error: `text must be a string of at most ${MAX_RAW_TEXT_CHARS.toLocaleString("en")} characters` }),
    voice: t.Optional(t.String({ minLength: 1, maxLength: 64, error: "voice must be a voice id" })),
  },
  // Unknown fields are refused rather than ignored: a typo ("voise") should not silently fall back to the default.
  { additionalProperties: false, error: "Request body must be an object with text and an optional voice, and nothing else" },
);
export type TtsRequest = Static<typeof TtsRequest>;
