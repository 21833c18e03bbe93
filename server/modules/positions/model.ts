import { z } from "zod";
import { MAX_TIME_SEC, MAX_VOICE_CHARS, MAX_WORD_INDEX, POSITION_KEY_PATTERN } from "@/lib/positions/listening-position";

export const PositionParams = z.object({
  key: z.string().regex(new RegExp(POSITION_KEY_PATTERN), { error: "The position key is article:voice" }),
});

const SHAPE = "A position is { wordIndex, timeSec, voice, updatedAt }";

/** PUT body: where the reader is. `updatedAt` is the client's clock, so saves from two devices order by when they were made. */
export const PositionBody = z.strictObject(
  {
    wordIndex: z.int({ error: SHAPE }).min(0, { error: SHAPE }).max(MAX_WORD_INDEX, { error: SHAPE }),
    timeSec: z.number({ error: SHAPE }).min(0, { error: SHAPE }).max(MAX_TIME_SEC, { error: SHAPE }),
    voice: z.string({ error: SHAPE }).min(1, { error: SHAPE }).max(MAX_VOICE_CHARS, { error: SHAPE }),
    updatedAt: z.number({ error: SHAPE }).min(0, { error: SHAPE }),
  },
  { error: SHAPE },
);
export type PositionBody = z.output<typeof PositionBody>;

// The body above as JSON is well under 200 bytes; anything much bigger is not a position.
export const MAX_POSITION_BODY_BYTES = 1024;
