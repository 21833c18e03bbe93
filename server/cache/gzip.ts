// gzip for the Redis tiers (spec "Server Caching": compressAsync / decompressAsync). node:zlib's async calls
// run on libuv's thread pool, so a multi-megabyte entry never blocks the event loop.
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";

export const compressAsync: (data: Uint8Array | string) => Promise<Buffer> = promisify(gzip);
export const decompressAsync: (data: Uint8Array) => Promise<Buffer> = promisify(gunzip);
