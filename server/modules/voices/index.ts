import { Elysia } from "elysia";
import { z } from "zod";
import { LANGUAGE_TAG_PATTERN } from "@/lib/language";
import { VOICE_PRESETS, voicesFor } from "@/lib/voices";
import type { Guards } from "../../plugins/guards";

// ?lang= names the article's language (any BCP 47 tag; its primary language is what counts).
const VoicesQuery = z.strictObject(
  { lang: z.string().max(35).regex(new RegExp(LANGUAGE_TAG_PATTERN)).optional() },
  { error: "lang must be a language tag such as en or fr, and the only query parameter" },
);

export const voicesModule = (guards: Guards) =>
  new Elysia({ prefix: "/api/tts" }).use(guards).get(
    "/voices",
    ({ identity, query, set }) => {
      // Private: the `locked` flags depend on who asks; five minutes, as the list rarely changes.
      set.headers["cache-control"] = "private, max-age=300";
      const voices = query.lang === undefined ? VOICE_PRESETS : voicesFor(query.lang);
      return {
        voices: voices.map(({ lang, ...voice }) => ({
          ...voice,
          languages: [lang],
          locked: voice.tier === "premium" && identity.tier !== "premium",
        })),
      };
    },
    { query: VoicesQuery },
  );
