// A request body read with a byte cap, so a client cannot make the web tier buffer what no article needs (a
// 100,000-character article is ~100 KB of JSON; the API's own cap, server/plugins/json-body.ts, is 8 MiB).
// Checked on the declared length first, then on the bytes as they arrive, so an oversized or unannounced body
// is refused without being read to the end.

export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
  readonly code = "BODY_TOO_LARGE";
  constructor(readonly maxBytes: number) {
    super(`The request body is over ${maxBytes} bytes`);
  }
}

export async function readCappedBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));

  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(maxBytes);
    }
    parts.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.byteLength;
  }
  return body;
}
