// The voices a conversation starts with, before the reader changes any: speakers take turns through the voices
// their tier may use (Ashley and Dennis for free and anonymous readers), women's and men's voices alternating so
// that two speakers in a row sound apart; the narrator gets a voice of its own while there is one to spare, and
// the first voice otherwise.
import { DEFAULT_LANGUAGE, defaultVoiceFor, isVoiceAllowed, voicesFor, type Gender, type Tier, type VoicePreset } from "../voices";

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

/** A voice id for each speaker, in the order given (the shape of detectConversation's `speakers`). */
export function defaultCast(speakers: ReadonlyArray<{ narrator: boolean }>, tier: Tier, lang = DEFAULT_LANGUAGE): string[] {
  const order = castingOrder(tier, lang);
  const voiced = speakers.filter((s) => !s.narrator).length;
  const narratorVoice = voiced < order.length ? order[voiced] : order[0];
  let next = 0;
  return speakers.map((s) => (s.narrator ? narratorVoice : order[next++ % order.length]));
}
