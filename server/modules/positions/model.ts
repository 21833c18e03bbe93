import { t, type Static } from "elysia";
import { MAX_TIME_SEC, MAX_VOICE_CHARS, MAX_WORD_INDEX, POSITION_KEY_PATTERN } from "@/lib/positions/listening-position";

export const PositionParams = t.Object({
  key: t.String({ pattern: POSITION_KEY_PATTERN, error: "The position key is article:voice" }),
});

/** PUT body: where the reader is. `updatedAt` is the client's clock, so saves from two devices order by when they were made. */
export const PositionBody = t.Object(
  {
    wordIndex: t.Integer({ minimum: 0, maximum: MAX_WORD_INDEX }),
    timeSec: t.Number({ minimum: 0, maximum: MAX_TIME_SEC }),
    voice: t.String({ minLength: 1, maxLength: MAX_VOICE_CHARS }),
    updatedAt: t.Number({ minimum: 0 }),
  },
  { additionalProperties: false, error: "A position is { wordIndex, timeSec, voice, updatedAt }" },
);
export type PositionBody = Static<typeof PositionBody>;

// The body above as JSON is well under 200 bytes; anything much bigger is not a position.
export const MAX_POSITION_BODY_BYTES = 1024;
