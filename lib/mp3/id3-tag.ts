// An ID3v2.3 tag for a downloaded article (id3.org/id3v2.3.0: §3.1 header, §3.3 frames, §4.2.1 text frames):
// title, artist and album, so a podcast or music app files it properly. v2.3 rather than v2.4 because it is
// the version every player reads. Written by hand: three text frames do not need a library.
import { id3v2TagLength } from "./tags";

export interface Id3Text {
  title: string;
  artist: string;
  album: string;
}

// A title is a line, not a book: longer fields are cut (the tag stays small and its size in range).
export const ID3_MAX_FIELD_CHARS = 1000;
const HEADER_LENGTH = 10;
const FRAME_HEADER_LENGTH = 10;
const LATIN1 = 0x00;
const UTF16_WITH_BOM = 0x01;

/** A text frame's content: ISO-8859-1 when every character fits, otherwise UTF-16 with a byte-order mark. */
function encodeText(text: string): Uint8Array {
  const value = text.slice(0, ID3_MAX_FIELD_CHARS);
  let latin1 = true;
  for (let i = 0; i < value.length && latin1; i++) latin1 = value.charCodeAt(i) <= 0xff;
  if (latin1) {
    const bytes = new Uint8Array(1 + value.length);
    bytes[0] = LATIN1;
    for (let i = 0; i < value.length; i++) bytes[1 + i] = value.charCodeAt(i);
    return bytes;
  }
  const bytes = new Uint8Array(3 + value.length * 2);
  bytes.set([UTF16_WITH_BOM, 0xff, 0xfe]);
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    bytes[3 + i * 2] = unit & 0xff;
    bytes[4 + i * 2] = unit >> 8;
  }
  return bytes;
}

/** §3.3: id[4], size[4] (big-endian, not syncsafe in v2.3, excluding this header), flags[2]. */
function textFrame(id: string, text: string): Uint8Array {
  const body = encodeText(text);
  const frame = new Uint8Array(FRAME_HEADER_LENGTH + body.length);
  for (let i = 0; i < 4; i++) frame[i] = id.charCodeAt(i);
  new DataView(frame.buffer).setUint32(4, body.length);
  frame.set(body, FRAME_HEADER_LENGTH);
  return frame;
}

/** The whole tag: "ID3", version 3.0, no flags, a syncsafe size (7 bits a byte), then the frames. */
export function buildId3Tag({ title, artist, album }: Id3Text): Uint8Array {
  const frames = [textFrame("TIT2", title), textFrame("TPE1", artist), textFrame("TALB", album)];
  const size = frames.reduce((sum, frame) => sum + frame.length, 0);
  const tag = new Uint8Array(HEADER_LENGTH + size);
  tag.set([0x49, 0x44, 0x33, 3, 0, 0, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  let offset = HEADER_LENGTH;
  for (const frame of frames) {
    tag.set(frame, offset);
    offset += frame.length;
  }
  return tag;
}

/**
 * The MP3 with our tag in front, replacing a leading ID3v2 tag if it had one. The audio is untouched, so its
 * Xing/Info frame (the first frame after the tag) still gives players the exact duration.
 */
export function withId3Tag(mp3: Uint8Array, text: Id3Text): Uint8Array {
  const audio = mp3.subarray(id3v2TagLength(mp3, 0));
  const tag = buildId3Tag(text);
  const out = new Uint8Array(tag.length + audio.length);
  out.set(tag);
  out.set(audio, tag.length);
  return out;
}
