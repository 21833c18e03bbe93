// The request bodies the local voice server accepts, defined once with their limits (Inworld's TTS
// request, docs/architecture.md "Contracts → Inworld", and the control interface for tests).
import { z } from "zod";
import { MP3_SAMPLE_RATES, bitratesKbpsFor } from "./mp3-format";
import { voiceProfile } from "./voice-profiles";

/** Inworld's limit per request. */
export const MAX_TEXT_CHARACTERS = 2000;
export const DEFAULT_MODEL_ID = "inworld-tts-1.5-mini";

const audioConfigSchema = z
  .object({
    audioEncoding: z.literal("MP3", { error: "only audioEncoding MP3 is supported" }).default("MP3"),
    sampleRateHertz: z.number().int().default(44100),
    bitRate: z.number().int().default(64000),
  })
  .superRefine((config, context) => {
    if (!MP3_SAMPLE_RATES.includes(config.sampleRateHertz)) {
      context.addIssue({
        code: "custom",
        path: ["sampleRateHertz"],
        message: `sampleRateHertz must be one of ${MP3_SAMPLE_RATES.join(", ")}`,
      });
      return;
    }
    const allowed = bitratesKbpsFor(config.sampleRateHertz);
    if (!allowed.includes(config.bitRate / 1000)) {
      context.addIssue({
        code: "custom",
        path: ["bitRate"],
        message: `bitRate at ${config.sampleRateHertz} Hz must be one of ${allowed.map((kbps) => kbps * 1000).join(", ")}`,
      });
    }
  });

export const synthesizeRequestSchema = z.object({
  text: z.string().min(1, "text must not be empty").max(MAX_TEXT_CHARACTERS, `text must be at most ${MAX_TEXT_CHARACTERS} characters`),
  voiceId: z
    .string()
    .max(100)
    .refine((id) => voiceProfile(id) !== undefined, { error: (issue) => `Unknown voice: ${String(issue.input)}` }),
  modelId: z.string().max(100).default(DEFAULT_MODEL_ID),
  audioConfig: audioConfigSchema.prefault({}),
  timestampType: z.enum(["TIMESTAMP_TYPE_UNSPECIFIED", "CHARACTER", "WORD"]).optional(),
  applyTextNormalization: z.enum(["APPLY_TEXT_NORMALIZATION_UNSPECIFIED", "ON", "OFF"]).optional(),
});

export type SynthesizeRequest = z.output<typeof synthesizeRequestSchema>;

const rate = z.number().min(0).max(1);

export const controlSchema = z.object({
  latencyMs: z.number().min(0).max(600_000).optional(),
  latencyPerCharMs: z.number().min(0).max(1_000).optional(),
  fail429Rate: rate.optional(),
  fail500Rate: rate.optional(),
  hangRate: rate.optional(),
  /** Statuses (or "hang") the next requests get, in order, before the rates apply. */
  failNext: z
    .array(z.union([z.number().int().min(400).max(599), z.literal("hang")]))
    .max(10_000)
    .optional(),
});

export type ControlSettings = z.output<typeof controlSchema>;

/** The first problem, in words a test failure or a log can show as is. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}
