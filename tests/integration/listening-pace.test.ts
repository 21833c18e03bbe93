// "N min listen" against the audio the local voice makes (lib/text/listening-minutes.ts): within 15% for our
// fixture in each language, within 10% for an English sample the library shows (the bench has them all).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { spokenText } from "@/components/article/reading-time";
import { findArticle } from "@/components/article/samples";
import { listeningSeconds } from "@/lib/text/listening-minutes";
import { importFixturesDir } from "../support/import-site";
import { localVoiceSpeaker, PACE_FIXTURES } from "../support/listening-pace";

let speak: (text: string, lang: string) => number;
beforeAll(async () => {
  speak = await localVoiceSpeaker();
});

describe("the listening time an article shows", () => {
  it.each(PACE_FIXTURES.filter(([file]) => file !== "news-article.expected.txt"))(
    "is within 15 percent of the local voice's audio for %s (%s)",
    (file, lang) => {
      const text = readFileSync(join(importFixturesDir, file), "utf8").trim();
      const audio = speak(text, lang);
      expect(Math.abs(listeningSeconds(text, lang) - audio) / audio).toBeLessThanOrEqual(0.15);
    },
  );

  it.each(["the-lamplighters-round"])("is within 10 percent of the audio for the sample %s", (id) => {
    const text = spokenText(findArticle(id)!);
    const audio = speak(text, "en");
    expect(Math.abs(listeningSeconds(text, "en") - audio) / audio).toBeLessThanOrEqual(0.1);
  });
});
