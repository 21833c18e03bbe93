"use client";

import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { createArticleDomEdits, type ArticleDomEdits } from "@/client/annotations/article-dom-edits";

interface ArticleRootValue {
  /** the rendered article body, null until React has put it in the DOM */
  element: HTMLElement | null;
  register: (element: HTMLElement | null) => void;
  /** how the word highlighter and the reader's highlights change that element without undoing each other */
  edits: ArticleDomEdits;
}

const ArticleRootContext = createContext<ArticleRootValue | null>(null);

/**
 * Hands the article's DOM element from the component that renders it to the ones that read and light it
 * (Listen, highlights). The element arrives through a ref when React commits it: after a client-side
 * navigation that is the new page's article, never a lookup made while the old page was still on screen.
 */
export function ArticleRootProvider({ children }: { children: ReactNode }) {
  const [element, register] = useState<HTMLElement | null>(null);
  const [edits] = useState(createArticleDomEdits);
  const value = useMemo(() => ({ element, register, edits }), [element, edits]);
  return <ArticleRootContext.Provider value={value}>{children}</ArticleRootContext.Provider>;
}

function useArticleRootContext(): ArticleRootValue {
  const value = useContext(ArticleRootContext);
  if (!value) throw new Error("useArticleRoot must be used inside <ArticleRootProvider>");
  return value;
}

/** The article element, or null while it is not in the DOM yet. */
export function useArticleRoot(): HTMLElement | null {
  return useArticleRootContext().element;
}

/** The article's one channel for DOM edits (see client/annotations/article-dom-edits.ts). */
export function useArticleDomEdits(): ArticleDomEdits {
  return useArticleRootContext().edits;
}

/**
 * The article's container. Its children stay Server Components; this only reports the element.
 * `data-article-content` is where Listen reads from and where words are highlighted.
 */
export function ArticleRoot({ children }: { children: ReactNode }) {
  const { register } = useArticleRootContext();
  return (
    <div ref={register} className="prose" data-article-content="">
      {children}
    </div>
  );
}
