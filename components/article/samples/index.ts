import type { Article } from "../types";
import { gardenNotebook } from "./garden-notebook";
import { lamplighter } from "./lamplighter";
import { lighthouse } from "./lighthouse";
import { tunerInterview } from "./tuner-interview";
import { yearOnFoot } from "./year-on-foot";

export const SAMPLE_ARTICLES: readonly Article[] = [lamplighter, lighthouse, gardenNotebook, yearOnFoot, tunerInterview];

export function findArticle(id: string): Article | undefined {
  return SAMPLE_ARTICLES.find((a) => a.id === id);
}
