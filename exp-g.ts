import { createArticleExtractor } from "./server/import/extract-article";
const ex = createArticleExtractor();
const prose = "<p>" + "The quick brown fox jumps over the lazy dog. ".repeat(4) + "</p>";
ex.fromHtml(`<html><body>${prose}</body></html>`);
for (const depth of [10, 25, 50, 100, 200, 300]) {
  const html = `<html><body>${"<div>".repeat(depth)}${prose}${"</div>".repeat(depth)}</body></html>`;
  const t = performance.now();
  const r = ex.fromHtml(html);
  console.log(depth, html.length, Math.round(performance.now() - t), "ms", r?.text.length);
}
