// A file name from an article's title: what every file system accepts, short enough for all of them. No dots:
// then no name can be "..", hidden, or end in a second extension.
const UNSAFE = /[^\p{L}\p{N} _-]+/gu;
const MAX_CHARS = 80;

export function fileNameFromTitle(title: string, extension: string, fallback = "article"): string {
  const base = title
    .slice(0, MAX_CHARS * 4)
    .replace(UNSAFE, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_CHARS)
    .trim();
  return `${base || fallback}.${extension}`;
}
