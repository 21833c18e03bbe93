// One pino logger per area, named for what logs there (api:tts, tts:concurrency,
// memory-tracker), so a log line says where it came from. The level comes from the caller (env.ts), never from the environment here.
import pino, { type Logger } from "pino";

let root: Logger = pino({ level: "info", base: undefined, timestamp: pino.stdTimeFunctions.isoTime });

export function configureLogging(level: string): void {
  root = pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}

export function createLogger(name: string): Logger {
  return root.child({ logger: name });
}

export type { Logger };
