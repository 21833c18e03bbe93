// The one body reader of the API's routes and of the web app's proxy in front of them (docs/architecture.md
// invariant 12, "Guards"): JSON only, sent as exactly `application/json`; bounded in bytes on the declared length
// and again while it streams in; valid UTF-8, and no half surrogate pairs in its escapes; bounded in nesting depth before anything parses it. JSON.parse
// recurses per level, and so do schema checks and their error paths, so depth is refused by a linear scan first.
// Only JSON: an HTML form can post urlencoded or text bodies to us from any site without a preflight.
// Every refusal is a BodyRefusal with a fixed message: nothing the caller sent is ever repeated back.

/** The API's cap: a 1,000,000-character text (the raw text cap) is at most ~3 MB of JSON unless every character
 * is escaped (6 bytes each as \uXXXX); 8 MiB admits that and nothing much larger. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Our deepest body is a conversation: { segments: [ { … } ] }. */
export const MAX_BODY_DEPTH = 8;

export interface JsonBodyLimits {
  /** bytes; default MAX_BODY_BYTES */
  maxBytes?: number;
  /** arrays and objects inside each other; default MAX_BODY_DEPTH */
  maxDepth?: number;
}

export type BodyRefusalCode = "BODY_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "INVALID_REQUEST";

/** Why a body is refused, with the status and code of the error table (docs/architecture.md "Errors"). */
export class BodyRefusal extends Error {
  override name = "BodyRefusal";
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: BodyRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`);

export const bodyTooLarge = (maxBytes: number) => new BodyRefusal(413, "BODY_TOO_LARGE", `Request body is over the ${sizeText(maxBytes)} limit`);
const notJsonType = () => new BodyRefusal(415, "UNSUPPORTED_MEDIA_TYPE", "Request body must be JSON, sent as Content-Type: application/json");
const notUtf8 = () => new BodyRefusal(400, "INVALID_REQUEST", "Request body must be JSON in UTF-8");
const tooDeep = (maxDepth: number) => new BodyRefusal(400, "INVALID_REQUEST", `Request body nests deeper than ${maxDepth} levels`);
const halfSurrogate = () => new BodyRefusal(400, "INVALID_REQUEST", "Request body must be well-formed Unicode text");
const notJson = () => new BodyRefusal(400, "INVALID_REQUEST", "Request body must be JSON");

export interface JsonShape {
  /** the deepest nesting of arrays and objects, brackets inside strings not counted */
  depth: number;
  /** whether a string escapes half a surrogate pair (\uD800 alone), which no text can carry through UTF-8 */
  loneSurrogate: boolean;
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** One linear pass over a JSON text, before any parser sees it. */
export function jsonShape(text: string): JsonShape {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  // a \uD800-\uDBFF escape was just read: the next thing in the string must be its \uDC00-\uDFFF escape
  let pendingHigh = false;
  let loneSurrogate = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\" && text[i + 1] === "u") {
        const unit = parseInt(text.slice(i + 2, i + 6), 16);
        if (isLow(unit) ? !pendingHigh : pendingHigh) loneSurrogate = true;
        pendingHigh = isHigh(unit);
        i += 5;
        continue;
      }
      if (pendingHigh) loneSurrogate = true;
      pendingHigh = false;
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") deepest = Math.max(deepest, ++depth);
    else if (char === "}" || char === "]") depth--;
  }
  return { depth: deepest, loneSurrogate };
}

/** The deepest nesting of arrays and objects in a JSON text, brackets inside strings not counted. */
export const jsonDepth = (text: string): number => jsonShape(text).depth;

/** Exactly application/json (parameters such as charset allowed): not application/jsonx, not +json. */
export function isJsonContentType(contentType: string | null | undefined): boolean {
  return (contentType ?? "").split(";", 1)[0].trim().toLowerCase() === "application/json";
}

/** Whether a request carries body bytes: declared, or streamed without a length. */
export function hasBody(request: Request): boolean {
  const declared = request.headers.get("content-length");
  return declared === null ? request.body !== null : Number(declared) !== 0;
}

/** The body's bytes, refused at the cap: on the declared length before reading, then while it streams in. */
export async function readCappedBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxBytes) throw bodyTooLarge(maxBytes);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLarge(maxBytes);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

/** A JSON body's bytes and its text, checked by every rule but parsing: what the web proxy forwards. */
export async function readJsonText(
  request: Request,
  { maxBytes = MAX_BODY_BYTES, maxDepth = MAX_BODY_DEPTH }: JsonBodyLimits = {},
): Promise<{ bytes: Uint8Array<ArrayBuffer>; text: string }> {
  if (!isJsonContentType(request.headers.get("content-type"))) throw notJsonType();
  const bytes = await readCappedBytes(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw notUtf8();
  }
  const shape = jsonShape(text);
  if (shape.depth > maxDepth) throw tooDeep(maxDepth);
  if (shape.loneSurrogate) throw halfSurrogate();
  return { bytes, text };
}

/** Reads and parses a request's JSON body within the limits, or throws the BodyRefusal to answer. */
export async function readJsonBody(request: Request, limits: JsonBodyLimits = {}): Promise<unknown> {
  const { text } = await readJsonText(request, limits);
  try {
    return JSON.parse(text);
  } catch {
    throw notJson();
  }
}
