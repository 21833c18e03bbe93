// gzip for the Redis tiers (compressAsync / decompressAsync). node:zlib's async calls
// run on libuv's thread pool, so a multi-megabyte entry never blocks the event loop.
//
// Audio is another matter (README "Audio as bytes", tests/bench/audio-bytes.bench.ts): MP3 does not compress
// (2% for gzip's full effort), and base64 text has no repeats to find, only a 64-letter alphabet, which Huffman
// coding alone packs as well as full gzip does (654 → 482 KB per minute, full gzip 472) for a sixth of the CPU.
// So an article body is Huffman-coded and a chunk record only framed: both stay gzip, whose CRC still catches a
// damaged value, and decompressAsync reads all three.
import { promisify } from "node:util";
import { constants, gunzip, gzip, type ZlibOptions } from "node:zlib";

const gzipWith: (data: Uint8Array | string, options: ZlibOptions) => Promise<Buffer> = promisify(gzip);

export const compressAsync: (data: Uint8Array | string) => Promise<Buffer> = promisify(gzip);
export const decompressAsync: (data: Uint8Array) => Promise<Buffer> = promisify(gunzip);

/** gzip by Huffman coding alone: for base64 text (an article body). */
export const compressBase64Async = (data: Uint8Array) => gzipWith(data, { strategy: constants.Z_HUFFMAN_ONLY });

/** gzip framing without compression: for MP3 (a chunk record). */
export const frameAudioAsync = (data: Uint8Array) => gzipWith(data, { level: constants.Z_NO_COMPRESSION });
