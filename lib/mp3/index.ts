export { audioFrameRuns, audioFrames, type Mp3AudioFrames, type Mp3FrameRuns } from "./audio-frames";
export { concatMp3, mp3Parts, type ConcatMp3Result, type Mp3Parts } from "./concat";
export { estimateMp3DurationMs, framesDurationMs, parseMp3DurationMs } from "./duration";
export { Mp3FormatError, type Mp3FormatErrorCode } from "./errors";
export { parseFrameHeader, type ChannelMode, type FrameHeader, type MpegVersion } from "./frame-header";
export { scanMp3Frames, type Mp3Frames } from "./scan-frames";
export { apeTagLengthAt, hasId3v1, id3v2TagLength, isId3v1At, trailingTagsLength } from "./tags";
export {
  buildInfoFrame,
  infoFrameLength,
  parseVbrHeader,
  tocFromPositions,
  type InfoFrameContent,
  type InfoFrameFormat,
  type VbrHeader,
  type VbrHeaderKind,
} from "./xing";
