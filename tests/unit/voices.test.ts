// The voices by language (lib/voices.ts) and the eSpeak NG voice the local voice server gives each.
import { describe, expect, it } from "vitest";
import { languageName, primaryLanguage } from "@/lib/language";
import { defaultVoiceFor, findVoice, speaksLanguage, VOICE_LANGUAGES, VOICE_PRESETS, voicesFor } from "@/lib/voices";
import { voiceProfile } from "@/server/local-voice/voice-profiles";

describe("voices by language", () => {
  it("keeps the spec's ten English voices, Ashley and Dennis free", () => {
    expect(voicesFor("en").map((v) => v.id)).toEqual([
      "Ashley",
      "Dennis",
      "Sarah",
      "Olivia",
      "Julia",
      "Elizabeth",
      "Alex",
      "Craig",
      "Edward",
      "Timothy",
    ]);
    expect(
      voicesFor("en-US")
        .filter((v) => v.tier === "free")
        .map((v) => v.id),
    ).toEqual(["Ashley", "Dennis"]);
  });

  it("gives every language a free voice to start with and a premium one, and each voice one language", () => {
    for (const lang of VOICE_LANGUAGES) {
      const voices = voicesFor(lang);
      expect(
        voices.some((v) => v.tier === "free"),
        lang,
      ).toBe(true);
      expect(
        voices.some((v) => v.tier === "premium"),
        lang,
      ).toBe(true);
      expect(defaultVoiceFor(lang), lang).toBe(voices.find((v) => v.tier === "free")?.id);
    }
    expect(new Set(VOICE_PRESETS.map((v) => v.id)).size).toBe(VOICE_PRESETS.length);
  });

  it("answers for the primary language of any tag, and nothing for a language no voice speaks", () => {
    expect(defaultVoiceFor("fr-CA")).toBe("Hélène");
    expect(defaultVoiceFor("zh-Hant-TW")).toBe("Xiaoyin");
    expect(defaultVoiceFor("IW")).toBe("Yael");
    expect(defaultVoiceFor("am")).toBeUndefined();
    expect(voicesFor("not a tag")).toEqual([]);
    expect(speaksLanguage("Hélène", "fr")).toBe(true);
    expect(speaksLanguage("Ashley", "fr")).toBe(false);
    expect(speaksLanguage("Nobody", "en")).toBe(false);
  });

  it("names languages for the reader", () => {
    expect(languageName("am")).toBe("Amharic");
    expect(languageName("fr")).toBe("French");
    expect(languageName("qqq")).toBe("qqq");
    expect(primaryLanguage("pt-BR")).toBe("pt");
  });
});

describe("the local voice server's voices", () => {
  it("speak with eSpeak NG's voice for their language", () => {
    const espeakLanguage = (id: string) => voiceProfile(id)?.espeakVoice.split("+")[0];
    expect(espeakLanguage("Ashley")).toBe("en-us");
    expect(espeakLanguage("Olivia")).toBe("en");
    expect(espeakLanguage("Hélène")).toBe("fr");
    expect(espeakLanguage("Johanna")).toBe("de");
    expect(espeakLanguage("Nour")).toBe("ar");
    expect(espeakLanguage("Yael")).toBe("he");
    expect(espeakLanguage("Xiaoyin")).toBe("cmn");
    expect(espeakLanguage("Asuka")).toBe("ja");
    expect(espeakLanguage("Svetlana")).toBe("ru");
    expect(espeakLanguage("Maitê")).toBe("pt-br");
    for (const voice of VOICE_PRESETS) expect(findVoice(voice.id) && voiceProfile(voice.id), voice.id).toBeTruthy();
  });

  it("set a language's voices apart", () => {
    for (const lang of VOICE_LANGUAGES) {
      const profiles = voicesFor(lang).map((v) => JSON.stringify(voiceProfile(v.id)));
      expect(new Set(profiles).size, lang).toBe(profiles.length);
    }
  });
});
