import type { Article, Block, Inline } from "./types";

// A neural voice reads English at roughly 15 characters a second.
const CHARS_PER_SECOND = 15;

function inlineText(content: string | Inline[]): string {
  return typeof content === "string" ? content : content.map((i) => (typeof i === "string" ? i : i.text)).join("");
}

function blockText(block: Block): string {
  switch (block.type) {
    case "p":
      return inlineText(block.content);
    case "h2":
    case "h3":
      return block.text;
    case "ul":
    case "ol":
      return block.items.map(inlineText).join(" ");
    case "blockquote":
      return block.paragraphs.join(" ");
    case "figure":
      return block.caption;
    case "ad":
      return "";
  }
}

export function listeningMinutes(article: Article): number {
  const chars = article.blocks.reduce((sum, b) => sum + blockText(b).length, 0);
  return Math.max(1, Math.round(chars / CHARS_PER_SECOND / 60));
}
