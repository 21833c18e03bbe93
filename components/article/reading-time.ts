import { listeningSeconds } from "@/lib/text/listening-minutes";
import type { Article, Block, Inline } from "./types";

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

/** What a sample's blocks say aloud, block after block (the paragraphs the voice reads). */
export function spokenText(article: Article): string {
  return article.blocks.map(blockText).filter(Boolean).join("\n\n");
}

/** The samples are English, read at the English voice's pace (lib/text/listening-minutes.ts). */
export function listeningMinutes(article: Article): number {
  return Math.max(1, Math.round(listeningSeconds(spokenText(article), "en") / 60));
}
