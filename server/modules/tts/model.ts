import { t, type Static } from "elysia";

// The raw text may carry junk that cleaning strips, so its cap is looser than TTS_MAX_TEXT_CHARS (which
// applies after cleaning and answers 413); this one only stops absurd bodies early.
export const MAX_RAW_TEXT_CHARS = 1_000_000;

export const TtsRequest = t.Object(
  {
    text: t.String({ maxLength: MAX_RAW_TEXT_CHARS }),
    voice: t.Optional(t.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: true },
);
export type TtsRequest = Static<typeof TtsRequest>;
