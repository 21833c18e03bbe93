// The HTTP surface: Inworld's POST /tts/v1/voice, /health, and (when enabled) the control interface.
import { setTimeout as sleep } from "node:timers/promises";
import { Elysia } from "elysia";
import type { Logger } from "../logger";
import type { ControlState } from "./control";
import type { SpeechEngine } from "./engine";
import { errorResponse, VoiceApiError } from "./grpc-error";
import { controlSchema, describeIssues, synthesizeRequestSchema, type SynthesizeRequest } from "./model";
import { characterAlignment, wordAlignment } from "./timestamp-info";
import { voiceProfile, type VoiceProfile } from "./voice-profiles";

export interface LocalVoiceOptions {
  engine: SpeechEngine;
  control: ControlState;
  /** Mounts /__control, /__stats and /__reset. */
  controlRoutes: boolean;
  logger: Logger;
}

// Inworld takes any key in the Basic scheme; the double only insists that one is sent.
const AUTHORIZATION = /^Basic\s+\S+/;

async function readRequest(request: Request): Promise<SynthesizeRequest> {
  if (!AUTHORIZATION.test(request.headers.get("authorization") ?? "")) {
    throw new VoiceApiError(401, "Missing or invalid Authorization header: expected Basic <api key>");
  }
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw new VoiceApiError(400, "Request body must be JSON");
  }
  const parsed = synthesizeRequestSchema.safeParse(body);
  if (!parsed.success) throw new VoiceApiError(400, describeIssues(parsed.error));
  return parsed.data;
}

/** Resolves only when the client gives up: a hang holds the connection open and never answers. */
function untilAborted(signal: AbortSignal): Promise<Response> {
  return new Promise((resolve) => {
    signal.addEventListener("abort", () => resolve(new Response(null, { status: 499 })), { once: true });
  });
}

async function synthesize(options: LocalVoiceOptions, request: Request, body: SynthesizeRequest): Promise<Response> {
  const { engine, control } = options;
  const outcome = control.decide(body.text.length);
  if (outcome.kind === "hang") return untilAborted(request.signal);
  if (outcome.kind === "fail") return errorResponse(outcome.status, `Injected failure (${outcome.status})`);
  if (outcome.delayMs > 0) await sleep(outcome.delayMs, undefined, { signal: request.signal });

  const result = await engine.synthesize(
    {
      text: body.text,
      voice: voiceProfile(body.voiceId) as VoiceProfile,
      sampleRate: body.audioConfig.sampleRateHertz,
      bitRateKbps: body.audioConfig.bitRate / 1000,
    },
    request.signal,
  );
  const { text } = body;
  const timestampInfo =
    body.timestampType === "CHARACTER"
      ? { characterAlignment: characterAlignment(text, result.starts, result.ends) }
      : body.timestampType === "WORD"
        ? { wordAlignment: wordAlignment(text, result.starts, result.ends) }
        : undefined;
  const audioContent = result.mp3Base64 ?? Buffer.from(result.mp3.buffer, result.mp3.byteOffset, result.mp3.byteLength).toString("base64");
  const rest = JSON.stringify({ usage: { processedCharactersCount: text.length, modelId: body.modelId }, ...(timestampInfo && { timestampInfo }) });
  // Base64 needs no escaping, so the megabyte of audio is spliced in rather than scanned by JSON.stringify.
  return new Response(`{"audioContent":"${audioContent}",${rest.slice(1)}`, { headers: { "Content-Type": "application/json;charset=utf-8" } });
}

export function createLocalVoiceApp(options: LocalVoiceOptions) {
  const { control, engine, logger } = options;

  const app = new Elysia()
    .onError(({ code, error }) => {
      if (code === "NOT_FOUND") return errorResponse(404, "No such endpoint");
      if (code === "PARSE") return errorResponse(400, "Request body must be JSON");
      logger.error({ err: error, code }, "Unhandled error");
      return errorResponse(500, "Internal error");
    })
    // `warm`: npm start waits for it before it says the app is ready (scripts/start.mjs).
    .get("/health", () => ({ status: "ok", engine: engine.name, warm: engine.warm }))
    .post(
      "/tts/v1/voice",
      async ({ request }) => {
        control.requestStarted();
        let characters = 0;
        let response: Response;
        try {
          const body = await readRequest(request);
          characters = body.text.length;
          response = await synthesize(options, request, body);
        } catch (error) {
          if (error instanceof VoiceApiError) response = errorResponse(error.status, error.message);
          else if (request.signal.aborted) response = new Response(null, { status: 499 });
          else {
            logger.error({ err: error }, "Synthesis failed");
            response = errorResponse(500, `Synthesis failed: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        control.requestFinished(request.signal.aborted ? undefined : response.status, characters);
        return response;
      },
      { parse: "none" },
    );

  if (!options.controlRoutes) return app;
  return app
    .post(
      "/__control",
      async ({ request }) => {
        const text = await request.text();
        let body: unknown;
        try {
          body = text.trim() === "" ? {} : JSON.parse(text);
        } catch {
          return errorResponse(400, "Request body must be JSON");
        }
        const parsed = controlSchema.safeParse(body);
        if (!parsed.success) return errorResponse(400, describeIssues(parsed.error));
        control.configure(parsed.data);
        return { ok: true };
      },
      { parse: "none" },
    )
    .get("/__stats", () => control.stats())
    .post("/__reset", () => {
      control.reset();
      return { ok: true };
    });
}
