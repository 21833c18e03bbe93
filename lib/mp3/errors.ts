export type Mp3FormatErrorCode =
  /** A chunk holds no MPEG Layer III frame. */
  | "MP3_NO_FRAMES"
  /** Chunks differ in MPEG version, sample rate or channel count, so they cannot form one stream. */
  | "MP3_MISMATCH";

/** Audio that cannot be read or merged as MP3; the server maps it to an upstream error. */
export class Mp3FormatError extends Error {
  override readonly name = "Mp3FormatError";
  readonly code: Mp3FormatErrorCode;
  /** The offending chunk, when the error is about one input of several. */
  readonly chunkIndex?: number;

  constructor(code: Mp3FormatErrorCode, message: string, options: { chunkIndex?: number } = {}) {
    super(message);
    this.code = code;
    this.chunkIndex = options.chunkIndex;
  }
}
