// What a Range header asks of a file of `size` bytes (RFC 9110 §14). Podcast apps seek with one range; anything
// else a client may send is answered cheaply: several ranges (overlapping or not), a reversed or malformed
// range, another unit or an over-long header are ignored and the whole file is sent, which the RFC allows
// ("a server MAY ignore the Range header field"); a well-formed range that starts past the end is 416.
// One pass over at most MAX_RANGE_HEADER_CHARS characters, whatever the header holds.

export type RangeAnswer = { kind: "whole" } | { kind: "partial"; start: number; end: number } | { kind: "unsatisfiable" };

/** Far longer than any single range of a file we serve; a longer header is not one range. */
export const MAX_RANGE_HEADER_CHARS = 100;

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

export function byteRange(header: string | null, size: number): RangeAnswer {
  if (header === null || header.length > MAX_RANGE_HEADER_CHARS) return { kind: "whole" };
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return { kind: "whole" };
  const [, first, last] = match;
  if (first === "" && last === "") return { kind: "whole" };
  // Digits beyond Number's precision still compare as huge, which is what they are.
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== "" && Number(last) < start) return { kind: "whole" };
  const end = last === "" ? size - 1 : Number(last);
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end: Math.min(end, size - 1) };
}
