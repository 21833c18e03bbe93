// Bytes of a page to text (WHATWG encoding sniffing, simplified): a byte-order mark wins, then the
// Content-Type header's charset, then a <meta charset> or <meta http-equiv="Content-Type"> within the first
// 1024 bytes, then UTF-8. TextDecoder knows the WHATWG labels, so "iso-8859-1" and "latin1" decode as
// windows-1252, as browsers do.
const PRESCAN_BYTES = 1024;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]{1,40})/i;
const HEADER_CHARSET = /;\s*charset\s*=\s*["']?([\w.:-]{1,40})/i;

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return undefined;
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return undefined;
  }
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  return contentType ? HEADER_CHARSET.exec(contentType)?.[1] : undefined;
}

export function decodePage(bytes: Uint8Array, contentType: string | undefined, { sniffMeta }: { sniffMeta: boolean }): string {
  // Latin-1 maps each byte to one code unit, so the regex reads the ASCII-compatible prefix whatever it is.
  const prescan = () => META_CHARSET.exec(Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString("latin1"))?.[1];
  const decoder =
    decoderFor(bomEncoding(bytes)) ??
    decoderFor(charsetFromContentType(contentType)) ??
    (sniffMeta ? decoderFor(prescan()) : undefined) ??
    new TextDecoder("utf-8");
  return decoder.decode(bytes);
}
