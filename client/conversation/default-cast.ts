// The voices a conversation starts with, before the reader changes any: speakers take turns through the voices
// their tier may use (Ashley and Dennis for free and anonymous readers), women's and men's voices alternating, and
// two speakers who follow each other never share a voice while the voices allow it (with two voices, an interviewer
// and three guests: the interviewer one voice, every guest the other). The narrator gets a voice of its own while
// there is one to spare, and is cast like any speaker otherwise.
import { DEFAULT_LANGUAGE, defaultVoiceFor, isVoiceAllowed, voicesFor, type Gender, type Tier, type VoicePreset } from "@/lib/voices";

/** The voices of `lang` that `tier` may use, the language's default first, then alternating genders in the presets' order. */
export function castingOrder(tier: Tier, lang = DEFAULT_LANGUAGE): string[] {
  const allowed = voicesFor(lang).filter((v) => isVoiceAllowed(v.id, tier));
  const first = allowed.find((v) => v.id === defaultVoiceFor(lang)) ?? allowed[0];
  const queues: Record<Gender, VoicePreset[]> = { female: [], male: [] };
  for (const voice of allowed) if (voice !== first) queues[voice.gender].push(voice);
  const other = (gender: Gender): Gender => (gender === "female" ? "male" : "female");
  const order = [first];
  while (queues.female.length + queues.male.length > 0) {
    const wanted = other(order[order.length - 1].gender);
    order.push(queues[wanted].shift() ?? queues[other(wanted)].shift()!);
  }
  return order.map((v) => v.id);
}

/** What casting needs of a conversation (the shape of detectConversation's answer). */
export interface CastingConversation {
  /** in the order they first speak */
  speakers: ReadonlyArray<{ narrator: boolean }>;
  turns: ReadonlyArray<{ speaker: number }>;
}

/** A voice id for each speaker, in the order of `speakers`. */
export function defaultCast({ speakers, turns }: CastingConversation, tier: Tier, lang = DEFAULT_LANGUAGE): string[] {
  const order = castingOrder(tier, lang);
  const voiced = speakers.filter((s) => !s.narrator).length;
  const spare = voiced < order.length;
  // The speakers' voices; the narrator's spare one is kept out of it.
  const pool = spare ? order.slice(0, Math.max(voiced, 1)) : order;
  // How often each two speakers follow each other: the cost of giving them one voice.
  const follows = speakers.map(() => new Map<number, number>());
  for (let i = 1; i < turns.length; i++) {
    const [a, b] = [turns[i - 1].speaker, turns[i].speaker];
    if (a === b || !follows[a] || !follows[b]) continue;
    follows[a].set(b, (follows[a].get(b) ?? 0) + 1);
    follows[b].set(a, (follows[b].get(a) ?? 0) + 1);
  }
  const cast: string[] = speakers.map((s) => (s.narrator && spare ? order[voiced] : ""));
  const fixed = cast.map(Boolean);
  const cost = (speaker: number, voice: string) => {
    let sum = 0;
    for (const [other, times] of follows[speaker]) if (cast[other] === voice) sum += times;
    return sum;
  };
  // Each speaker, in the order they first speak, takes the cheapest voice, the next in turn among equals (so every
  // voice is used before one is used twice).
  let next = 0;
  speakers.forEach((_, speaker) => {
    if (fixed[speaker]) return;
    const turn = pool.map((_, k) => pool[(next + k) % pool.length]);
    const voice = turn.reduce((best, v) => (cost(speaker, v) < cost(speaker, best) ? v : best));
    cast[speaker] = voice;
    next = (pool.indexOf(voice) + 1) % pool.length;
  });
  // Then any speaker whose voice another would make cheaper moves to it, until none does: the total only falls, so
  // this ends. Three speakers who all follow one another cannot be told apart with two voices; this leaves the
  // pair that follow each other least sharing one.
  for (let changed = true, rounds = 0; changed && rounds < speakers.length; rounds++) {
    changed = false;
    speakers.forEach((_, speaker) => {
      if (fixed[speaker]) return;
      const better = pool.find((v) => cost(speaker, v) < cost(speaker, cast[speaker]));
      if (better === undefined) return;
      cast[speaker] = better;
      changed = true;
    });
  }
  return cast;
}
