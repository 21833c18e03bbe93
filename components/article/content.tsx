import { ArticleRoot } from "./article-root";
import type { Article, Block, Inline } from "./types";
import "./content.css";

function renderInline(inline: Inline, key: number) {
  if (typeof inline === "string") return inline;
  if ("href" in inline)
    return (
      <a key={key} href={inline.href} rel="noopener noreferrer" target="_blank">
        {inline.text}
      </a>
    );
  if ("em" in inline) return <em key={key}>{inline.text}</em>;
  return <strong key={key}>{inline.text}</strong>;
}

function renderInlines(content: string | Inline[]) {
  return typeof content === "string" ? content : content.map(renderInline);
}

function renderBlock(block: Block, key: number) {
  switch (block.type) {
    case "p":
      return <p key={key}>{renderInlines(block.content)}</p>;
    case "h2":
      return <h2 key={key}>{block.text}</h2>;
    case "h3":
      return <h3 key={key}>{block.text}</h3>;
    case "ul":
    case "ol": {
      const List = block.type;
      return (
        <List key={key}>
          {block.items.map((item, i) => (
            <li key={i}>{renderInlines(item)}</li>
          ))}
        </List>
      );
    }
    case "blockquote":
      return (
        <blockquote key={key}>
          {block.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {block.cite && <footer>{block.cite}</footer>}
        </blockquote>
      );
    case "figure":
      return (
        <figure key={key}>
          <img src={block.src} alt={block.alt} width={800} height={420} />
          <figcaption>
            <p>{block.caption}</p>
            {block.credit && <p className="credit">{block.credit}</p>}
          </figcaption>
        </figure>
      );
    case "ad":
      // Page chrome, not prose: marked so the reader neither wraps nor reads it.
      return (
        <aside key={key} className="ad" data-tts-skip="">
          <span className="ad__label">{block.label}</span>
          <a href={block.href} rel="sponsored noopener" target="_blank">
            {block.text}
          </a>
        </aside>
      );
  }
}

/** The article body, rendered on the server inside the client `ArticleRoot` that reports its element. */
export function ArticleContent({ article }: { article: Article }) {
  return <ArticleRoot>{article.blocks.map(renderBlock)}</ArticleRoot>;
}
