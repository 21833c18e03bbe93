// The one way an API route reads its body (docs/architecture.md invariant 12): JSON only, sent as JSON, bounded in bytes
// while it streams in and in nesting depth before it is parsed, so no body costs more than linear time or
// memory, and every refusal is our JSON error. Only JSON: an HTML form can post urlencoded or text bodies to
// us from any site without a preflight, and would spend a reader's quota.
import { bodyTooLarge, invalidRequest, unsupportedMediaType } from "../errors";

// A 1,000,000-character text (the raw text cap) is at most ~3 MB of JSON unless every character is escaped
// (6 bytes each as \uXXXX); 8 MiB admits that and nothing much larger.
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
// Our deepest body is a conversation: { segments: [ { … } ] }.
export const MAX_BODY_DEPTH = 8;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The deepest nesting of arrays and objects in a JSON text, brackets inside strings not counted. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) deepest = Math.max(deepest, ++depth);
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth--;
  }
  return deepest;
}

function isJson(contentType: string | null): boolean {
  const mediaType = (contentType ?? "").split(";", 1)[0].trim().toLowerCase();
  return mediaType === "application/json";
}

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxBytes) throw bodyTooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let length = 0;
  // A chunked body declares no length: count while it streams and stop reading at the cap.
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    length += chunk.byteLength;
    if (length > maxBytes) throw bodyTooLarge(maxBytes);
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export interface JsonBodyLimits {
  maxBytes?: number;
  maxDepth?: number;
}

/** Reads and parses a request's JSON body within the limits, or throws the AppError to answer. */
export async function readJsonBody(
  request: Request,
  { maxBytes = MAX_BODY_BYTES, maxDepth = MAX_BODY_DEPTH }: JsonBodyLimits = {},
): Promise<unknown> {
  if (!isJson(request.headers.get("content-type"))) throw unsupportedMediaType();
  const bytes = await readCapped(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidRequest("Request body must be JSON in UTF-8");
  }
  // JSON.parse recurses per level, and so do schema checks and their error paths: refuse depth first.
  if (jsonDepth(text) > maxDepth) throw invalidRequest(`Request body nests deeper than ${maxDepth} levels`);
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequest("Request body must be JSON");
  }
}
