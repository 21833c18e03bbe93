// The MP3 fixtures of tests/fixtures/mp3 and the numbers mpg123 measured for them (see its README.md).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../fixtures/mp3/", import.meta.url));

export interface ExpectedMp3 {
  version: 1 | 2 | 2.5;
  sampleRate: number;
  channels: 1 | 2;
  decodedSamples: number;
  frames: number;
  bytes: number;
}

export const expectedMp3: Record<string, ExpectedMp3> = JSON.parse(readFileSync(`${dir}expected.json`, "utf8"));

export const mp3FixtureNames = Object.keys(expectedMp3);

export function readMp3Fixture(name: string): Uint8Array {
  const buffer = readFileSync(dir + name);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Every offset where the ASCII text occurs in the bytes. */
export function findAscii(bytes: Uint8Array, text: string): number[] {
  const hits: number[] = [];
  const first = text.charCodeAt(0);
  for (let i = bytes.indexOf(first); i >= 0 && i + text.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let match = true;
    for (let j = 1; j < text.length && match; j++) match = bytes[i + j] === text.charCodeAt(j);
    if (match) hits.push(i);
  }
  return hits;
}
