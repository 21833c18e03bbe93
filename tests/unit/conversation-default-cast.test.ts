import { describe, expect, it } from "vitest";
import { castingOrder, defaultCast } from "@/client/conversation/default-cast";
import { findVoice, isVoiceAllowed } from "@/lib/voices";

const narrator = { narrator: true };
const speaker = { narrator: false };
/** A conversation whose turns go to the speakers in `order` (indexes into `speakers`). */
const talk = (speakers: Array<{ narrator: boolean }>, order: number[]) => ({ speakers, turns: order.map((s) => ({ speaker: s })) });

/** Every pair of turns in a row whose speakers have the same voice. */
function sameVoiceInARow(conversation: ReturnType<typeof talk>, cast: string[]): number[][] {
  const turns = conversation.turns.map((t) => t.speaker);
  return turns.slice(1).flatMap((s, i) => (s !== turns[i] && cast[s] === cast[turns[i]] ? [[turns[i], s]] : []));
}

describe("defaultCast", () => {
  it("alternates a free reader's two voices between two speakers", () => {
    expect(defaultCast(talk([speaker, speaker], [0, 1, 0, 1]), "anonymous")).toEqual(["Ashley", "Dennis"]);
  });

  it("never gives two speakers who follow each other the same voice: an interviewer and three guests, two voices", () => {
    // The interviewer asks each guest in turn; the guests never answer one another.
    const interview = talk([narrator, speaker, speaker, speaker, speaker], [0, 1, 2, 1, 3, 1, 4, 1, 2, 1, 4]);
    const cast = defaultCast(interview, "free");
    expect(sameVoiceInARow(interview, cast)).toEqual([]);
    expect(cast.slice(2)).toEqual(["Ashley", "Ashley", "Ashley"]);
    expect(cast[1]).toBe("Dennis");
  });

  it("leaves the pair that follow each other least sharing a voice when three all follow one another (two voices)", () => {
    // The interview sample's shape: Hana asks, Ines and Tobias answer, and now and then Tobias and Ines speak in turn.
    const [narr, hana, ines, tobias] = [0, 1, 2, 3];
    const order = [narr, hana, ines, hana, ines, hana, tobias, ines, hana, tobias, hana, ines, hana, tobias, ines];
    const cast = defaultCast(talk([narrator, speaker, speaker, speaker], order), "free");
    expect(cast).toEqual(["Ashley", "Dennis", "Ashley", "Ashley"]);
    expect(cast[tobias]).toBe(cast[ines]);
  });

  it("alternates around a table where each speaks after the one before", () => {
    const round = talk([speaker, speaker, speaker, speaker], [0, 1, 2, 3, 0, 1, 2, 3]);
    const cast = defaultCast(round, "free");
    expect(sameVoiceInARow(round, cast)).toEqual([]);
  });

  it("gives the narrator a voice of its own when one is spare, and every speaker their own voice while there are enough", () => {
    expect(defaultCast(talk([narrator, speaker, speaker], [0, 1, 2, 1]), "premium")).toEqual(["Sarah", "Ashley", "Dennis"]);
    const many = talk([speaker, speaker, speaker, speaker, speaker], [0, 1, 2, 3, 4]);
    expect(new Set(defaultCast(many, "premium")).size).toBe(5);
  });

  it("casts only voices the tier may use", () => {
    const crowd = talk([narrator, ...Array<typeof speaker>(12).fill(speaker)], [0, ...Array.from({ length: 12 }, (_, i) => i + 1)]);
    for (const tier of ["anonymous", "free", "premium"] as const) {
      const cast = defaultCast(crowd, tier);
      expect(cast).toHaveLength(13);
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
