import { describe, expect, test } from "vitest";
import { bookmarkletHref, sharedInput } from "@/client/library/shared-input";

describe("sharedInput", () => {
  test("takes the shared link", () => {
    expect(sharedInput({ url: " https://example.com/a?b=1 ", text: "ignored" })).toBe("https://example.com/a?b=1");
  });

  test("finds a link an app put in the text", () => {
    expect(sharedInput({ title: "A story", text: "Read this: https://news.example/story-1 via the app" })).toBe("https://news.example/story-1");
  });

  test("keeps shared prose as an article, its title as the first line", () => {
    expect(sharedInput({ title: "Notes", text: "First paragraph.\n\nSecond." })).toBe("Notes\n\nFirst paragraph.\n\nSecond.");
    expect(sharedInput({ text: "Just text." })).toBe("Just text.");
  });

  test("ignores a url that is not http(s)", () => {
    expect(sharedInput({ url: "javascript:alert(1)", text: "plain words" })).toBe("plain words");
    expect(sharedInput({})).toBe("");
  });
});

describe("bookmarkletHref", () => {
  test("sends the current page's address to /share", () => {
    const href = bookmarkletHref("http://127.0.0.1:3000");
    expect(href.startsWith("javascript:")).toBe(true);
    const location = { href: "https://site.example/a b" };
    new Function("location", href.slice("javascript:".length))(location);
    expect(location.href).toBe("http://127.0.0.1:3000/share?url=https%3A%2F%2Fsite.example%2Fa%20b");
  });
});
