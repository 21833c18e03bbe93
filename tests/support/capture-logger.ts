// A real pino logger whose JSON lines are kept in memory, so tests can assert on the events a part logs.
import pino, { type Logger } from "pino";

export interface CapturedLogger {
  logger: Logger;
  /** every line logged so far, parsed */
  lines: () => Array<Record<string, unknown>>;
  /** lines whose message is `msg` */
  events: (msg: string) => Array<Record<string, unknown>>;
}

export function captureLogger(name = "test"): CapturedLogger {
  const lines: Array<Record<string, unknown>> = [];
  const stream = { write: (line: string) => void lines.push(JSON.parse(line)) };
  const logger = pino({ level: "debug", base: undefined }, stream).child({ logger: name });
  return { logger, lines: () => lines, events: (msg) => lines.filter((line) => line.msg === msg) };
}
