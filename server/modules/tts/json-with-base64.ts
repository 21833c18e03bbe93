// The API's answers carry audio as base64 inside JSON (the /api/tts body, the stream's chunk lines). They are
// written here as bytes, in one buffer of the exact size, with the audio encoded straight into it from its parts
// (views into the cached chunks): no merged MP3, no base64 string of the whole, no JSON string to encode again
// for the response. The bytes are exactly JSON.stringify's for the same object, so the wire does not change.

/**
 * The UTF-8 bytes of `JSON.stringify({ ...before, [key]: base64(parts joined), ...after }) + suffix`. Keys of
 * `before` and `after` keep their order; undefined values are left out, as JSON.stringify leaves them.
 */
export function jsonWithBase64(before: object, key: string, parts: readonly Uint8Array[], after: object, suffix = ""): Uint8Array<ArrayBuffer> {
  const opening = JSON.stringify(before);
  const closing = JSON.stringify(after);
  const head = `${opening === "{}" ? "{" : `${opening.slice(0, -1)},`}${JSON.stringify(key)}:"`;
  const tail = `"${closing === "{}" ? "}" : `,${closing.slice(1)}`}${suffix}`;
  const audioBytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const headBytes = Buffer.byteLength(head);
  const out = Buffer.allocUnsafeSlow(headBytes + base64Length(audioBytes) + Buffer.byteLength(tail));
  out.write(head, 0, "utf8");
  const end = writeBase64(out, headBytes, parts);
  out.write(tail, end, "utf8");
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

const encode = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");

/**
 * Writes base64 of `parts` joined into `out` from `at`; returns where it ended. Each part is encoded natively
 * in one piece, its first bytes completing the previous part's last group of three, so the text is the one
 * base64 of the joined bytes would give.
 */
function writeBase64(out: Buffer, at: number, parts: readonly Uint8Array[]): number {
  const carry = new Uint8Array(3);
  let carried = 0;
  for (const part of parts) {
    let from = 0;
    if (carried > 0) {
      from = Math.min(3 - carried, part.byteLength);
      carry.set(part.subarray(0, from), carried);
      carried += from;
      if (carried < 3) continue;
      at += out.write(encode(carry), at, "latin1");
      carried = 0;
    }
    const whole = from + Math.floor((part.byteLength - from) / 3) * 3;
    if (whole > from) at += out.write(encode(part.subarray(from, whole)), at, "latin1");
    carried = part.byteLength - whole;
    carry.set(part.subarray(whole), 0);
  }
  if (carried > 0) at += out.write(encode(carry.subarray(0, carried)), at, "latin1");
  return at;
}
