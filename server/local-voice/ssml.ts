// eSpeak NG reads its input as SSML and as a C string, and reports word positions in code points of what it
// read. So the text is escaped, and every code point it reads is mapped back to a UTF-16 index of the input.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

export interface EscapedText {
  ssml: string;
  /**
   * For code point k (0-based) of `ssml`, the UTF-16 index in the input of the character it came from;
   * one extra last entry holds the input's length, so an exclusive end maps too.
   */
  sourceIndex: Int32Array;
}

// A NUL would end eSpeak's C string early and other control characters are read as nothing; a space keeps
// one code point for one code point, so the position map stays trivial.
const KEPT_CONTROLS = new Set([0x09, 0x0a, 0x0d]);
const isControl = (codePoint: number) => (codePoint < 0x20 && !KEPT_CONTROLS.has(codePoint)) || codePoint === 0x7f;

export function escapeForEspeak(text: string): EscapedText {
  const parts: string[] = [];
  const indices: number[] = [];
  let utf16Index = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const replacement = ENTITIES[char] ?? (isControl(codePoint) ? " " : char);
    parts.push(replacement);
    const codePoints = replacement === char ? 1 : replacement.length;
    for (let k = 0; k < codePoints; k++) indices.push(utf16Index);
    utf16Index += char.length;
  }
  indices.push(text.length);
  return { ssml: parts.join(""), sourceIndex: Int32Array.from(indices) };
}
