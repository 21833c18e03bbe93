import { z } from "zod";
import { LANGUAGE_TAG_PATTERN } from "@/lib/language";

// The raw text may carry junk that cleaning strips, so its cap is looser than TTS_MAX_TEXT_CHARS (which
// applies after cleaning and answers 413); this one only stops absurd bodies early. A conversation's
// segments share it.
export const MAX_RAW_TEXT_CHARS = 1_000_000;
/** docs/architecture.md "Conversations": 1–1000 segments. */
export const MAX_SEGMENTS = 1000;

// Each schema carries its own message (`error`): the app answers with it (server/app.ts), and nothing the caller
// sent is echoed back, not even the name of an unknown field.
const text = z
  .string({ error: `text must be a string of at most ${MAX_RAW_TEXT_CHARS.toLocaleString("en")} characters` })
  .max(MAX_RAW_TEXT_CHARS, { error: `text must be a string of at most ${MAX_RAW_TEXT_CHARS.toLocaleString("en")} characters` });
const voice = z
  .string({ error: "voice must be a voice id" })
  .min(1, { error: "voice must be a voice id" })
  .max(64, { error: "voice must be a voice id" });

// A BCP 47 tag ("fr", "pt-BR"); whether a voice speaks it is the service's question (422 UNSUPPORTED_LANGUAGE).
const lang = z
  .string({ error: "lang must be a language tag such as en or fr" })
  .max(35, { error: "lang must be a language tag such as en or fr" })
  .regex(new RegExp(LANGUAGE_TAG_PATTERN), { error: "lang must be a language tag such as en or fr" });

const segment = z.strictObject({ text, voice }, { error: "each segment must be an object with text and voice, and nothing else" });

// One object rather than a union of two: a union reports only that nothing matched, where this names the field
// that is wrong. Unknown fields are refused rather than ignored: a typo ("voise") should not silently fall back
// to the default.
export const TtsRequest = z
  .strictObject(
    {
      text: text.optional(),
      voice: voice.optional(),
      lang: lang.optional(),
      segments: z
        .array(segment, { error: `segments must be a list of 1 to ${MAX_SEGMENTS} segments` })
        .min(1, { error: `segments must be a list of 1 to ${MAX_SEGMENTS} segments` })
        .max(MAX_SEGMENTS, { error: `segments must be a list of 1 to ${MAX_SEGMENTS} segments` })
        .optional(),
    },
    { error: "Request body must be an object with text and an optional voice, or segments, an optional lang, and nothing else" },
  )
  .superRefine((body, context) => {
    const single = body.text !== undefined;
    const conversation = body.segments !== undefined;
    if (single === conversation || (conversation && body.voice !== undefined)) {
      context.addIssue({ code: "custom", message: "Request body must have either text and an optional voice, or segments" });
      return;
    }
    // Summed while it stays cheap: at most MAX_SEGMENTS lengths, before any cleaning or hashing.
    const total = body.segments?.reduce((sum, s) => sum + s.text.length, 0) ?? 0;
    if (total > MAX_RAW_TEXT_CHARS) {
      context.addIssue({ code: "custom", message: `segments must hold at most ${MAX_RAW_TEXT_CHARS.toLocaleString("en")} characters in all` });
    }
  });
export type TtsRequest = z.output<typeof TtsRequest>;

/** What the service is asked to speak: one article in one voice, or a conversation of several, in `lang`. */
export type SpeechRequest = ({ text: string; voice?: string } | { segments: Array<{ text: string; voice: string }> }) & { lang?: string };

export function speechRequestOf(body: TtsRequest): SpeechRequest {
  const speech = body.segments ? { segments: body.segments } : { text: body.text ?? "", voice: body.voice };
  return body.lang === undefined ? speech : { ...speech, lang: body.lang };
}
