// The audio the local voice makes of a text, in seconds, as the API would have it made: the text cut into the
// chunk plan's pieces, each spoken by eSpeak NG in the language's first free voice, their durations summed. Run in
// this process (the engine the local voice server's workers run), for the pace table and its test.
import { planTTSChunks } from "@/lib/text/chunk-plan";
import { defaultVoiceFor } from "@/lib/voices";
import { createEspeak } from "@/server/local-voice/espeak";
import { createEncoder } from "@/server/local-voice/mp3-encoder";
import { renderSpeech } from "@/server/local-voice/render-speech";
import { voiceProfile } from "@/server/local-voice/voice-profiles";

export async function localVoiceSpeaker(): Promise<(text: string, lang: string) => number> {
  const [espeak, encoder] = await Promise.all([createEspeak(), createEncoder()]);
  return (text, lang) => {
    const voice = voiceProfile(defaultVoiceFor(lang) ?? "");
    if (!voice) throw new Error(`no voice speaks ${lang}`);
    return planTTSChunks(text).reduce(
      (seconds, chunk) => seconds + renderSpeech({ text: chunk.text, voice, sampleRate: 44_100, bitRateKbps: 64 }, espeak, encoder).durationSeconds,
      0,
    );
  };
}

/** Our fixtures in each language the pace table covers: [file under tests/fixtures/import, language]. */
export const PACE_FIXTURES: ReadonlyArray<readonly [string, string]> = [
  ["news-clutter.expected.txt", "en"],
  ["news-article.expected.txt", "en"],
  ["french.expected.txt", "fr"],
  ["german.expected.txt", "de"],
  ["spanish.expected.txt", "es"],
  ["pasted-russian.expected.txt", "ru"],
  ["arabic.expected.txt", "ar"],
  ["rtl-hebrew.expected.txt", "he"],
  ["chinese.expected.txt", "zh"],
  ["japanese.expected.txt", "ja"],
];
