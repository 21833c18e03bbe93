import { Elysia } from "elysia";
import { VOICE_PRESETS } from "@/lib/voices";
import type { Guards } from "../../plugins/guards";

export const voicesModule = (guards: Guards) =>
  new Elysia({ prefix: "/api/tts" }).use(guards).get("/voices", ({ identity, set }) => {
    // Private: the `locked` flags depend on who asks (spec: "Cache: private, max-age=300").
    set.headers["cache-control"] = "private, max-age=300";
    return {
      voices: VOICE_PRESETS.map((voice) => ({ ...voice, locked: voice.tier === "premium" && identity.tier !== "premium" })),
    };
  });
