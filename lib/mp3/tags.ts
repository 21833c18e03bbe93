// Metadata tags that wrap or interrupt MPEG audio frames: ID3v2 (id3.org, ID3v2.4 structure §3.1),
// ID3v1 (a fixed 128-byte block starting "TAG") and APEv2 (wiki.hydrogenaud.io/index.php?title=APEv2_specification).

const ID3V1_LENGTH = 128;
const APE_FOOTER_LENGTH = 32;

export function matchesAscii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (offset < 0 || offset + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) {
    if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}

function readUint32LE(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24)) >>> 0;
}

/**
 * Total length of the ID3v2 tag at `offset` (header, body and footer), or 0 if there is none.
 *
 *   "ID3" major minor flags size[4]
 *   major < 0xFF, minor < 0xFF; size is syncsafe (7 bits per byte) and excludes the 10-byte header;
 *   flags bit 4 (v2.4) means a 10-byte footer follows the body.
 */
export function id3v2TagLength(bytes: Uint8Array, offset: number): number {
  if (offset + 10 > bytes.length || !matchesAscii(bytes, offset, "ID3")) return 0;
  const major = bytes[offset + 3];
  if (major === 0xff || bytes[offset + 4] === 0xff) return 0;
  const s0 = bytes[offset + 6];
  const s1 = bytes[offset + 7];
  const s2 = bytes[offset + 8];
  const s3 = bytes[offset + 9];
  if ((s0 | s1 | s2 | s3) & 0x80) return 0;
  const bodyLength = (s0 << 21) | (s1 << 14) | (s2 << 7) | s3;
  const hasFooter = major >= 4 && (bytes[offset + 5] & 0x10) !== 0;
  return 10 + bodyLength + (hasFooter ? 10 : 0);
}

/** True if a 128-byte ID3v1 tag starts at `offset` ("TAG", not the 227-byte "TAG+" extension). */
export function isId3v1At(bytes: Uint8Array, offset: number): boolean {
  return offset + ID3V1_LENGTH <= bytes.length && matchesAscii(bytes, offset, "TAG") && bytes[offset + 3] !== 0x2b;
}

/** True if the file ends with an ID3v1 tag. */
export function hasId3v1(bytes: Uint8Array): boolean {
  return isId3v1At(bytes, bytes.length - ID3V1_LENGTH);
}

/**
 * Length of the APEv2 tag whose header or footer starts at `offset`, counted from `offset` to the tag's end,
 * or 0 if there is none.
 *
 *   "APETAGEX" version:u32le size:u32le items:u32le flags:u32le reserved[8]
 *   size covers the items and the footer, not the header; flags bit 29 set = this block is the header.
 */
export function apeTagLengthAt(bytes: Uint8Array, offset: number): number {
  if (offset + APE_FOOTER_LENGTH > bytes.length || !matchesAscii(bytes, offset, "APETAGEX")) return 0;
  const size = readUint32LE(bytes, offset + 12);
  const isHeader = (readUint32LE(bytes, offset + 20) & 0x20000000) !== 0;
  return isHeader ? APE_FOOTER_LENGTH + size : APE_FOOTER_LENGTH;
}

/**
 * Length of the trailing tags (APEv2 and/or ID3v1, in either order as written by common taggers)
 * at the end of the file; 0 if there are none.
 */
export function trailingTagsLength(bytes: Uint8Array): number {
  let end = bytes.length;
  for (;;) {
    if (isId3v1At(bytes, end - ID3V1_LENGTH)) {
      end -= ID3V1_LENGTH;
      continue;
    }
    const footer = end - APE_FOOTER_LENGTH;
    if (footer >= 0 && matchesAscii(bytes, footer, "APETAGEX")) {
      const size = readUint32LE(bytes, footer + 12);
      const hasHeader = (readUint32LE(bytes, footer + 20) & 0x80000000) !== 0;
      const total = size + (hasHeader ? APE_FOOTER_LENGTH : 0);
      if (total < APE_FOOTER_LENGTH || total > end) break;
      end -= total;
      continue;
    }
    break;
  }
  return bytes.length - end;
}
