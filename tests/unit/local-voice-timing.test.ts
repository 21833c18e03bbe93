import { describe, expect, it } from "vitest";
import { characterTimes } from "@/server/local-voice/char-timing";
import { spansFromEspeakEvents, type EspeakEvent } from "@/server/local-voice/espeak-events";
import { escapeForEspeak } from "@/server/local-voice/ssml";

function expectOrdered(starts: Float64Array, ends: Float64Array, duration: number) {
  for (let i = 0; i < starts.length; i++) {
    if (i > 0) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1]);
    expect(ends[i]).toBeGreaterThanOrEqual(starts[i]);
    expect(ends[i]).toBeLessThanOrEqual(duration);
  }
}

describe("characterTimes", () => {
  it("shares each word's time evenly among its characters", () => {
    const { starts, ends } = characterTimes(5, [{ start: 0, end: 4, startTime: 1, endTime: 2 }], 3);
    expect(Array.from(starts.subarray(0, 4))).toEqual([1, 1.25, 1.5, 1.75]);
    expect(Array.from(ends.subarray(0, 4))).toEqual([1.25, 1.5, 1.75, 2]);
  });

  it("gives the characters between words the pause between them", () => {
    // "ab, cd": "ab" 0–0.5 s, then ", " spans the pause to "cd" at 1 s.
    const { starts, ends } = characterTimes(
      6,
      [
        { start: 0, end: 2, startTime: 0, endTime: 0.5 },
        { start: 4, end: 6, startTime: 1, endTime: 1.5 },
      ],
      2,
    );
    expect([starts[2], ends[2], starts[3], ends[3]]).toEqual([0.5, 0.75, 0.75, 1]);
    expect(starts[4]).toBe(1);
  });

  it("spreads leading and trailing characters over the silence before and after the speech", () => {
    const { starts, ends } = characterTimes(4, [{ start: 1, end: 3, startTime: 0.2, endTime: 0.6 }], 1);
    expect([starts[0], ends[0]]).toEqual([0, 0.2]);
    expect([starts[3], ends[3]]).toEqual([0.6, 1]);
  });

  it("keeps times ordered and inside the duration when spans overrun or go back in time", () => {
    const { starts, ends } = characterTimes(
      6,
      [
        { start: 0, end: 3, startTime: 0.5, endTime: 1.4 },
        { start: 2, end: 6, startTime: 0.3, endTime: 9 },
      ],
      1.2,
    );
    expectOrdered(starts, ends, 1.2);
  });

  it("times every character of a text with no spans at all", () => {
    const { starts, ends } = characterTimes(3, [], 0.3);
    expect(Array.from(ends)).toEqual([0.1, 0.2, 0.3].map((t) => expect.closeTo(t, 10)));
    expectOrdered(starts, ends, 0.3);
  });
});

describe("spansFromEspeakEvents", () => {
  const word = (textPosition: number, audioMs: number): EspeakEvent => ({ type: "word", textPosition, audioMs });
  const end = (audioMs: number): EspeakEvent => ({ type: "end", textPosition: 0, audioMs });

  it("runs each word to the next whitespace, so trailing punctuation shares its time", () => {
    const text = "Hello, world.";
    const { sourceIndex } = escapeForEspeak(text);
    const spans = spansFromEspeakEvents(text, sourceIndex, [word(1, 0), word(8, 400), end(900)], 1.2);
    expect(spans).toEqual([
      { start: 0, end: 6, startTime: 0, endTime: 0.4 },
      { start: 7, end: 13, startTime: 0.4, endTime: 0.9 },
    ]);
  });

  it("merges the several events eSpeak gives a number into one span", () => {
    const text = "It costs 1234 today";
    const { sourceIndex } = escapeForEspeak(text);
    // eSpeak's events for "1234" start at its first digit and then repeat at the second one.
    const events = [word(1, 0), word(4, 200), word(10, 500), word(11, 800), word(11, 1100), word(11, 1400), word(15, 1700)];
    const spans = spansFromEspeakEvents(text, sourceIndex, events, 2.2);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["It", "costs", "1234", "today"]);
    expect(spans[2]).toMatchObject({ startTime: 0.5, endTime: 1.7 });
  });

  it("gives each word eSpeak announces inside a run without spaces its own span", () => {
    const text = "书店开张了。 好";
    const { sourceIndex } = escapeForEspeak(text);
    const events = [word(1, 0), word(2, 200), word(3, 400), word(4, 600), word(5, 800), end(1000), word(8, 1300)];
    const spans = spansFromEspeakEvents(text, sourceIndex, events, 1.6);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["书", "店", "开", "张", "了。", "好"]);
    expect(spans.map((s) => [s.startTime, s.endTime])).toEqual([
      [0, 0.2],
      [0.2, 0.4],
      [0.4, 0.6],
      [0.6, 0.8],
      [0.8, 1],
      [1.3, 1.6],
    ]);
  });

  it("maps positions in the escaped text back to the input", () => {
    const text = "Tom & Jerry";
    const { ssml, sourceIndex } = escapeForEspeak(text);
    const events = [word(1, 0), word(ssml.indexOf("&") + 1, 300), word(ssml.indexOf("J") + 1, 500)];
    const spans = spansFromEspeakEvents(text, sourceIndex, events, 1);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["Tom", "&", "Jerry"]);
  });

  it("ends a clause's last word at eSpeak's end event and leaves the pause to the space after it", () => {
    const text = "Stop. Go";
    const { sourceIndex } = escapeForEspeak(text);
    const spans = spansFromEspeakEvents(text, sourceIndex, [word(1, 0), end(300), word(7, 700)], 1);
    expect(spans[0].endTime).toBe(0.3);
    expect(spans[1]).toMatchObject({ startTime: 0.7, endTime: 1 });
  });

  it("lets a word eSpeak says without an event of its own share the time of the one before", () => {
    const text = "step, for a man.";
    const { sourceIndex } = escapeForEspeak(text);
    // eSpeak says "for a" under one event at "for".
    const spans = spansFromEspeakEvents(text, sourceIndex, [word(1, 0), word(7, 600), word(13, 900)], 1.4);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["step,", "for a", "man."]);
  });

  it("ignores word events that fall on whitespace or past the end", () => {
    const text = "a b";
    const { sourceIndex } = escapeForEspeak(text);
    const spans = spansFromEspeakEvents(text, sourceIndex, [word(1, 0), word(2, 100), word(3, 200), word(9, 300)], 1);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["a", "b"]);
  });

  it("yields character times that are ordered and one per UTF-16 unit around surrogate pairs", () => {
    const text = "I 😀 it";
    const { ssml, sourceIndex } = escapeForEspeak(text);
    const codePoints = Array.from(ssml);
    const events = [word(1, 0), word(codePoints.indexOf("😀") + 1, 200), word(codePoints.indexOf("t"), 600)];
    const spans = spansFromEspeakEvents(text, sourceIndex, events, 1);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["I", "😀", "it"]);
    const { starts, ends } = characterTimes(text.length, spans, 1);
    expect(starts.length).toBe(text.length);
    expectOrdered(starts, ends, 1);
  });
});
