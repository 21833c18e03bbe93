import { describe, expect, it } from "vitest";
import { byteRange, MAX_RANGE_HEADER_CHARS } from "@/server/modules/feed/byte-range";

describe("byteRange", () => {
  it.each([
    ["bytes=1000-1999", { kind: "partial", start: 1000, end: 1999 }],
    ["bytes=0-", { kind: "partial", start: 0, end: 4999 }],
    ["bytes=4000-9999", { kind: "partial", start: 4000, end: 4999 }],
    ["bytes=-100", { kind: "partial", start: 4900, end: 4999 }],
    ["bytes=-9999", { kind: "partial", start: 0, end: 4999 }],
    ["bytes=5000-", { kind: "unsatisfiable" }],
    ["bytes=5000-6000", { kind: "unsatisfiable" }],
    ["bytes=99999999999999999999999-", { kind: "unsatisfiable" }],
    ["bytes=-0", { kind: "unsatisfiable" }],
    ["bytes=10-5", { kind: "whole" }],
    ["bytes=6000-5999", { kind: "whole" }],
    ["bytes=0-1,2-3", { kind: "whole" }],
    ["bytes=-", { kind: "whole" }],
    ["bytes=a-b", { kind: "whole" }],
    ["bits=0-1", { kind: "whole" }],
    ["", { kind: "whole" }],
  ])("answers %j on a 5000-byte file with %j", (header, answer) => {
    expect(byteRange(header, 5000)).toEqual(answer);
  });

  it("sends the whole file when there is no header or an over-long one", () => {
    expect(byteRange(null, 10)).toEqual({ kind: "whole" });
    expect(byteRange(`bytes=0-${"0".repeat(MAX_RANGE_HEADER_CHARS)}`, 10)).toEqual({ kind: "whole" });
  });
});
