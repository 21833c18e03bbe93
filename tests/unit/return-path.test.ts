import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/client/navigation/return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/read/lighthouse", "/read/lighthouse"],
    ["/pricing?from=%2Fread%2Fx#plans", "/pricing?from=%2Fread%2Fx#plans"],
    ["/", "/"],
    ["/a/../b", "/b"],
    ["/%2F/evil.example", "/%2F/evil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/ /x", "/%20/x"],
  ])("keeps the on-site path %j as %j", (value, expected) => {
    expect(safeReturnPath(value, "FALLBACK")).toBe(expected);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "/\\/evil.example",
    "/\t\\evil.example",
    "/.//evil.example",
    "/./\\evil.example",
    "https://evil.example/",
    "http:/evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "%2F%2Fevil.example",
    "data:text/html,x",
    "evil.example",
    "",
  ])("refuses %j", (value) => {
    expect(safeReturnPath(value, "FALLBACK")).toBe("FALLBACK");
  });

  it.each([undefined, null, 42, ["/read/x"], { toString: () => "/read/x" }])("refuses the non-string %j", (value) => {
    expect(safeReturnPath(value, "FALLBACK")).toBe("FALLBACK");
  });
});
