/** The HTML heading elements, named lower-case as markup writes them (a DOM's `tagName` is their upper-case). */
export const HEADING_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;
