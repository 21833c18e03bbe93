// Articles are data: blocks of prose and the markup real articles carry, rendered by <ArticleContent>.
export type Inline = string | { text: string; href: string } | { text: string; em: true } | { text: string; strong: true };

export type Block =
  | { type: "p"; content: string | Inline[] }
  | { type: "h2" | "h3"; text: string }
  | { type: "ul" | "ol"; items: Array<string | Inline[]> }
  | { type: "blockquote"; paragraphs: string[]; cite?: string }
  | { type: "figure"; src: string; alt: string; caption: string; credit?: string }
  | { type: "ad"; label: string; text: string; href: string };

export interface Article {
  id: string;
  title: string;
  dek: string;
  author: string;
  published: string;
  blocks: Block[];
}
