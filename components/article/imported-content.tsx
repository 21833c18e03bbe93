import { ArticleRoot } from "./article-root";
import { NewTabLinks } from "./new-tab-links";

/**
 * An imported article's body: the API's sanitized html, as it is (the API computed the spoken text from this
 * same html, so the words the page wraps are the words the voice says). Its links open in a new tab.
 */
export function ImportedContent({ html }: { html: string }) {
  return (
    <ArticleRoot>
      <div className="imported" dangerouslySetInnerHTML={{ __html: html }} />
      <NewTabLinks />
    </ArticleRoot>
  );
}
