import { describe, expect, it } from "vitest";
import { castingOrder, defaultCast } from "@/lib/conversation/default-cast";
import { findVoice, isVoiceAllowed } from "@/lib/voices";

const narrator = { narrator: true };
const speaker = { narrator: false };

describe("defaultCast", () => {
  it("alternates a free reader's two voices between speakers, the narrator taking the first", () => {
    expect(defaultCast([narrator, speaker, speaker, speaker], "free")).toEqual(["Ashley", "Ashley", "Dennis", "Ashley"]);
    expect(defaultCast([speaker, speaker], "anonymous")).toEqual(["Ashley", "Dennis"]);
  });

  it("gives the narrator a voice of its own when one is spare", () => {
    expect(defaultCast([narrator, speaker, speaker], "premium")).toEqual(["Sarah", "Ashley", "Dennis"]);
  });

  it("casts only voices the tier may use", () => {
    for (const tier of ["anonymous", "free", "premium"] as const) {
      const cast = defaultCast([narrator, ...Array(12).fill(speaker)], tier);
      expect(cast.every((id) => isVoiceAllowed(id, tier))).toBe(true);
    }
  });
});

describe("castingOrder", () => {
  it("starts with the default voice and alternates women's and men's voices", () => {
    const order = castingOrder("premium");
    expect(order).toHaveLength(10);
    expect(new Set(order).size).toBe(10);
    expect(order[0]).toBe("Ashley");
    const genders = order.map((id) => findVoice(id)!.gender);
    genders.slice(1).forEach((g, i) => expect(g).not.toBe(genders[i]));
  });
});
