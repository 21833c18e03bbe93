// Extraction pieces that need no network: charset decoding, the sanitizer, pasted text, and the browser's
// text walk (lib/dom/extract-text.ts) running on the server's DOM.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { extractTTSText } from "@/lib/dom/extract-text";
import { listeningMinutes } from "@/lib/text/listening-minutes";
import { decodePage } from "@/server/import/charset";
import { createArticleExtractor } from "@/server/import/extract-article";
import { sanitizeInPlace } from "@/server/import/sanitize-html";
import { importFixturesDir } from "../support/import-site";

const latin1 = readFileSync(join(importFixturesDir, "latin1.html"));

const sanitized = (html: string) => {
  const root = new JSDOM(`<!doctype html><body><div id="r">${html}</div>`).window.document.getElementById("r")!;
  sanitizeInPlace(root);
  return root.innerHTML;
};

describe("decodePage", () => {
  it("decodes Latin-1 bytes named by <meta charset>", () => {
    expect(decodePage(latin1, "text/html", { sniffMeta: true })).toContain("Le café du port");
  });

  it("lets the Content-Type charset win over the page's <meta>", () => {
    const bytes = Buffer.from('<meta charset="iso-8859-1"><p>café</p>', "utf8");
    expect(decodePage(bytes, "text/html; charset=utf-8", { sniffMeta: true })).toContain("café");
  });

  // Latin-1 letters only: Node's TextDecoder (vitest) decodes windows-1252's 0x80-0x9F as Latin-1; Bun is right.
  it("reads <meta http-equiv=Content-Type>", () => {
    const bytes = Buffer.concat([
      Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>'),
      Buffer.from([0xe9, 0x74, 0xe9]),
      Buffer.from("</p>"),
    ]);
    expect(decodePage(bytes, undefined, { sniffMeta: true })).toContain("<p>été</p>");
  });

  it("falls back to UTF-8, and never reads a <meta> in plain text", () => {
    expect(decodePage(Buffer.from("naïve", "utf8"), "text/plain", { sniffMeta: false })).toBe("naïve");
    expect(decodePage(latin1, "text/plain", { sniffMeta: false })).not.toContain("café");
  });
});

describe("sanitizeInPlace", () => {
  it.each([
    ["<p>a<script>alert(1)</script></p>", "<p>a</p>"],
    ['<p onclick="x()" style="color:red" class="c" id="i">a</p>', "<p>a</p>"],
    ['<a href="javascript:alert(1)">a</a>', "<a>a</a>"],
    ['<a href="mailto:a@b.example">a</a><a href="/relative">b</a>', "<a>a</a><a>b</a>"],
    ['<a href=" JaVaScRiPt:alert(1)">a</a><a href="java&#x09;script:alert(1)">b</a>', "<a>a</a><a>b</a>"],
    ['<a href="https://x.example/" target="_blank">a</a>', '<a href="https://x.example/" rel="noopener noreferrer nofollow">a</a>'],
    ['<img src="https://x.example/i.png" srcset="https://y.example/j.png 2x" onerror="x()">', '<img src="https://x.example/i.png" loading="lazy">'],
    ['<img src="data:image/png;base64,AAAA">', ""],
    ['<img src="javascript:alert(1)">', ""],
    ['<iframe src="https://x.example/"></iframe><object data="x"></object><embed src="x"><style>p{}</style>', ""],
    ['<form action="https://x.example/"><input name="a"><button>go</button></form>', "go"],
    ['<svg><a href="https://x.example/"><text>t</text></a></svg>', ""],
    [
      '<figure><img src="https://x.example/a.png" alt="A"><figcaption>Cap</figcaption></figure>',
      '<figure><img src="https://x.example/a.png" alt="A" loading="lazy"><figcaption>Cap</figcaption></figure>',
    ],
    ['<table><tr><td colspan="2">x</td></tr></table>', '<table><tbody><tr><td colspan="2">x</td></tr></tbody></table>'],
  ])("%s → %s", (dirty, clean) => {
    expect(sanitized(dirty)).toBe(clean);
  });
});

describe("the spoken text", () => {
  it("is computed by the browser's extraction walk, which now runs on a server DOM without browser globals", () => {
    const root = new JSDOM(
      '<!doctype html><body><div id="r"><h2>Title</h2><p>One <em>two</em> three.</p><aside>skip me</aside><ul><li>four</li></ul></div>',
    ).window.document.getElementById("r")!;
    expect(extractTTSText(root)).toBe("Title\n\nOne two three.\n\nfour");
  });

  it("of pasted text is its paragraphs, and its html escapes markup", () => {
    const article = createArticleExtractor().fromText("A <b>bold</b> claim.\n\n\n  Second   paragraph.  ", undefined)!;
    expect(article.html).toBe("<p>A &lt;b&gt;bold&lt;/b&gt; claim.</p><p>Second   paragraph.</p>");
    expect(article.text).toBe("A <b>bold</b> claim.\n\nSecond paragraph.");
    expect(article.title).toBe("A <b>bold</b> claim.");
  });

  it("takes a pasted first line that reads as a title out of the body, so it is shown once", () => {
    const extractor = createArticleExtractor();
    const article = extractor.fromText("Notes from the Harbour\n\nThe boats came in late. Nobody minded.\n\nThe gulls did.")!;
    expect(article.title).toBe("Notes from the Harbour");
    expect(article.text).toBe("The boats came in late. Nobody minded.\n\nThe gulls did.");
    expect(article.html).toBe("<p>The boats came in late. Nobody minded.</p><p>The gulls did.</p>");
    // A title on the line right above the text, no blank line between.
    const tight = extractor.fromText("Why do cats purr?\nNobody is quite sure. The sound starts in the larynx.")!;
    expect(tight.title).toBe("Why do cats purr?");
    expect(tight.text).toBe("Nobody is quite sure. The sound starts in the larynx.");
  });

  it("keeps a first line that ends like a sentence, a title given with the text, or a text of one line", () => {
    const extractor = createArticleExtractor();
    expect(extractor.fromText("It rained all day.\n\nThen it stopped.")!.text).toBe("It rained all day.\n\nThen it stopped.");
    const titled = extractor.fromText("Harbour notes\n\nThe boats came in.", "Given title")!;
    expect([titled.title, titled.text]).toEqual(["Given title", "Harbour notes\n\nThe boats came in."]);
    const single = extractor.fromText("Just a title")!;
    expect([single.title, single.text]).toEqual(["Just a title", "Just a title"]);
  });

  it("reads pasted Hebrew or Arabic as right-to-left, by its first letter", () => {
    const extractor = createArticleExtractor();
    expect(extractor.fromText("«שלום» to all, in two languages.")!.dir).toBe("rtl");
    expect(extractor.fromText("1. مرحبا بالعالم")!.dir).toBe("rtl");
    expect(extractor.fromText("Hello, שלום.")!.dir).toBe("ltr");
  });

  it("finds no article in a page of menus and forms", () => {
    expect(createArticleExtractor().fromHtml(readFileSync(join(importFixturesDir, "nothing.html"), "utf8"))).toBeUndefined();
  });

  it("takes a minute a 900 characters, and at least one", () => {
    expect(listeningMinutes("word ")).toBe(1);
    expect(listeningMinutes("x".repeat(10_500))).toBe(10);
    expect(listeningMinutes("字".repeat(2_400), "zh")).toBe(10);
  });
});
