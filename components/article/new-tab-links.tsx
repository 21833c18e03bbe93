"use client";

import { useEffect } from "react";
import { useArticleRoot } from "./article-root";

/**
 * Makes the article's links open in a new tab, so following one never leaves the player. Done on the element
 * rather than by rewriting the html string: attributes change, the text (and so the spoken words) does not.
 */
export function NewTabLinks() {
  const root = useArticleRoot();
  useEffect(() => {
    for (const link of root?.querySelectorAll<HTMLAnchorElement>("a[href]") ?? []) link.target = "_blank";
  }, [root]);
  return null;
}
