// The voices a conversation starts with, before the reader changes any: speakers take turns through the voices
// their tier may use (Ashley and Dennis for free and anonymous readers), women's and men's voices alternating so
// that two speakers in a row sound apart; the narrator gets a voice of its own while there is one to spare, and
// the first voice otherwise.
import { DEFAULT_VOICE, isVoiceAllowed, VOICE_PRESETS, type Gender, type Tier, type VoicePreset } from "../voices";

/** The voices `tier` may use, the default first, then alternating genders in the presets' order. */
export function castingOrder(tier: Tier): string[] {
  const allowed = VOICE_PRESETS.filter((v) => isVoiceAllowed(v.id, tier));
  const first = allowed.find((v) => v.id === DEFAULT_VOICE) ?? allowed[0];
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

/** A voice id for each speaker, in the order given (the shape of detectConversation's `speakers`). */
export function defaultCast(speakers: ReadonlyArray<{ narrator: boolean }>, tier: Tier): string[] {
  const order = castingOrder(tier);
  const voiced = speakers.filter((s) => !s.narrator).length;
  const narratorVoice = voiced < order.length ? order[voiced] : order[0];
  let next = 0;
  return speakers.map((s) => (s.narrator ? narratorVoice : order[next++ % order.length]));
}
