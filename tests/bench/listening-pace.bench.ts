// Benchmark: the pace each language's voice speaks at, which "N min listen" is computed from
// (lib/text/listening-minutes.ts). Our fixture in each language and the English samples, spoken by the local voice
// (eSpeak NG, the language's first free voice) as the API would chunk them; characters of spoken text per second of
// audio, beside the pace the app assumes and how far its estimate is from the audio (target: within 15%, 10% for
// the samples).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { spokenText } from "../../components/article/reading-time";
import { SAMPLE_ARTICLES } from "../../components/article/samples";
import { listeningSeconds } from "../../lib/text/listening-minutes";
import { importFixturesDir } from "../support/import-site";
import { localVoiceSpeaker, PACE_FIXTURES } from "../support/listening-pace";
import { benchHeading, markdownTable } from "./support/bench-kit";

const speak = await localVoiceSpeaker();
const texts: Array<[string, string, string]> = [
  ...PACE_FIXTURES.map(([file, lang]): [string, string, string] => [file, lang, readFileSync(join(importFixturesDir, file), "utf8").trim()]),
  // The longest sample (~45,000 characters) would take minutes to speak here; the others make the English case.
  ...SAMPLE_ARTICLES.map((article): [string, string, string] => [`sample ${article.id}`, "en", spokenText(article)]).filter(
    ([, , text]) => text.length < 12_000,
  ),
];

const rows = texts.map(([name, lang, text]) => {
  const audio = speak(text, lang);
  const estimate = listeningSeconds(text, lang);
  return [
    name,
    lang,
    text.length,
    audio.toFixed(1),
    (text.length / audio).toFixed(2),
    (text.length / estimate).toFixed(1),
    `${(((estimate - audio) / audio) * 100).toFixed(1)}%`,
  ];
});

console.log(
  benchHeading(
    "Listening pace by language",
    import.meta.url,
    "eSpeak NG in this process, the language's first free voice, the text cut as the API cuts it",
  ),
);
console.log(markdownTable(["text", "lang", "characters", "audio (s)", "measured chars/s", "assumed chars/s", "estimate vs audio"], rows));
