import { describe, expect, it } from "vitest";
import { fileNameFromTitle } from "@/client/text/file-name";

describe("fileNameFromTitle", () => {
  it("keeps letters, digits and spaces, in any script", () => {
    expect(fileNameFromTitle("How a Lighthouse Keeps Its Light", "mp3")).toBe("How a Lighthouse Keeps Its Light.mp3");
    expect(fileNameFromTitle("Ça va: 東京の夜?", "mp3")).toBe("Ça va 東京の夜.mp3");
  });

  it("drops path separators and reserved characters, and never starts with a dot", () => {
    expect(fileNameFromTitle("../../etc/passwd", "mp3")).toBe("etc passwd.mp3");
    expect(fileNameFromTitle('a<b>c:"d"|e?*', "mp3")).toBe("a b c d e.mp3");
  });

  it("is at most 80 characters before the extension, with a fallback for nothing left", () => {
    expect(fileNameFromTitle("word ".repeat(100), "mp3").length).toBeLessThanOrEqual(84);
    expect(fileNameFromTitle("///", "mp3")).toBe("article.mp3");
  });
});
