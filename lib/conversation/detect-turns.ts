// Finds the speaker turns of an article that is a conversation (an interview, a Q&A, a play), so it can be read
// with one voice per speaker (docs/architecture.md "Conversations"). Works on the article's spoken text, whose
// paragraphs are separated by a blank line (lib/dom/extract-text.ts), and returns offsets into it, so the reader
// can skip each label in its word spans exactly as the spoken text skips it: the words of the turns, in order,
// are the words of the article minus the labels, one for one.
//
// A turn starts at a paragraph that opens with a label: `Q:` / `A:`, a name of at most three words in capitals
// or title case followed by a colon, or a bold name followed by a colon (bold as the page marked it, given by
// the caller). A paragraph without a label continues the turn before it; paragraphs before the first label are
// the narrator's introduction.

/** Longer articles are not offered as conversations: the API refuses them anyway (TTS_MAX_TEXT_CHARS, 100,000). */
export const MAX_DETECT_CHARS = 200_000;
/** The least that makes a conversation: two speakers taking four turns. */
export const MIN_SPEAKERS = 2;
export const MIN_TURNS = 4;
/** A label longer than this is prose that happens to contain a colon. */
const MAX_LABEL_CHARS = 40;
const MAX_BOLD_LABEL_WORDS = 5;

// Up to three words, each starting with a capital ("Q", "MARIA", "Dr. Ruth Okafor", "Jean-Luc"), then a colon.
const NAME_LABEL = /^(\p{Lu}[\p{L}\p{M}'’.-]*(?: \p{Lu}[\p{L}\p{M}'’.-]*){0,2}):/u;
const PARAGRAPH_BREAK = /\n[^\S\n]*\n\s*/g;
const LEADING_SPACE = /^\s*/;

export interface Speaker {
  /** as the first label wrote it; "Narrator" for the introduction */
  name: string;
  narrator: boolean;
}

export interface Turn {
  /** index into `speakers` */
  speaker: number;
  /** the label in the text (name, colon and the space after it), never spoken; null for the narrator */
  label: { start: number; end: number } | null;
  /** what is spoken: the turn's paragraphs without the label, as they are in the text */
  text: string;
  /** where `text` starts in the text */
  textStart: number;
}

export interface DetectedConversation {
  speakers: Speaker[];
  turns: Turn[];
  /** every label in the text, in order: the turns' own, and those with nothing after them (no turn) */
  labels: Array<{ start: number; end: number }>;
}

export interface DetectOptions {
  /** Bold stretches of the text, [start, end) offsets (from `<strong>`/`<b>` in the page), in any order. */
  boldRanges?: ReadonlyArray<readonly [start: number, end: number]>;
}

interface Paragraph {
  start: number;
  end: number;
}

function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = LEADING_SPACE.exec(text)![0].length;
  for (const br of text.matchAll(PARAGRAPH_BREAK)) {
    if (br.index > start) paragraphs.push({ start, end: br.index });
    start = br.index + br[0].length;
  }
  const end = text.trimEnd().length;
  if (end > start) paragraphs.push({ start, end });
  return paragraphs;
}

/** The speaker's name and where the label ends (its colon), or null when the paragraph opens with none. */
function labelAt(text: string, { start, end }: Paragraph, boldEnds: ReadonlyMap<number, number>): { name: string; colonEnd: number } | null {
  // The colon must end the label: a space or the paragraph's end after it, so "Http://" or "Note:this" is not one.
  const endsLabel = (colonEnd: number) => colonEnd === end || /\s/.test(text[colonEnd]);
  const named = NAME_LABEL.exec(text.slice(start, Math.min(end, start + MAX_LABEL_CHARS + 1)));
  if (named && endsLabel(start + named[0].length)) return { name: named[1], colonEnd: start + named[0].length };
  const boldEnd = boldEnds.get(start);
  if (boldEnd === undefined || boldEnd > end) return null;
  // "<strong>Name:</strong>" or "<strong>Name</strong>:"
  const colonEnd = text[boldEnd - 1] === ":" ? boldEnd : text[boldEnd] === ":" ? boldEnd + 1 : -1;
  if (colonEnd < 0 || !endsLabel(colonEnd)) return null;
  const name = text.slice(start, colonEnd - 1).trim();
  if (name === "" || name.length > MAX_LABEL_CHARS || name.split(/\s+/).length > MAX_BOLD_LABEL_WORDS || !/\p{L}/u.test(name)) return null;
  return { name, colonEnd };
}

/**
 * The turns of `text` when it reads as a conversation (at least MIN_SPEAKERS speakers and MIN_TURNS labelled
 * turns), otherwise null. Linear in the text: each paragraph's label is looked for in its first few characters.
 */
export function detectConversation(text: string, { boldRanges = [] }: DetectOptions = {}): DetectedConversation | null {
  if (text.length > MAX_DETECT_CHARS) return null;
  const boldEnds = new Map<number, number>();
  for (const [start, end] of boldRanges) boldEnds.set(start, Math.max(end, boldEnds.get(start) ?? end));

  const speakers: Speaker[] = [];
  const speakerIndex = new Map<string, number>();
  // Turns as ranges first: [label start or paragraph start, end of the last paragraph).
  const open: Array<{ speaker: number; start: number; labelEnd: number | null; end: number }> = [];
  for (const paragraph of paragraphsOf(text)) {
    const label = labelAt(text, paragraph, boldEnds);
    const last = open.at(-1);
    if (!label) {
      if (last) last.end = paragraph.end;
      else {
        speakers.push({ name: "Narrator", narrator: true });
        open.push({ speaker: 0, start: paragraph.start, labelEnd: null, end: paragraph.end });
      }
      continue;
    }
    const key = label.name.toLocaleLowerCase("en").replace(/\s+/g, " ");
    let speaker = speakerIndex.get(key);
    if (speaker === undefined) {
      speaker = speakers.push({ name: label.name, narrator: false }) - 1;
      speakerIndex.set(key, speaker);
    }
    open.push({ speaker, start: paragraph.start, labelEnd: label.colonEnd, end: paragraph.end });
  }

  const turns: Turn[] = [];
  const labels: DetectedConversation["labels"] = [];
  for (const { speaker, start, labelEnd, end } of open) {
    // The label takes the space after its colon too (and the blank line after a label alone in its paragraph).
    let textStart = labelEnd ?? start;
    while (textStart < end && /\s/.test(text[textStart])) textStart++;
    const label = labelEnd === null ? null : { start, end: textStart };
    if (label) labels.push(label);
    // A label with nothing after it says nothing: it is skipped like any label, and makes no turn.
    if (textStart === end) continue;
    turns.push({ speaker, label, text: text.slice(textStart, end), textStart });
  }
  const labelled = turns.filter((t) => t.label);
  if (new Set(labelled.map((t) => t.speaker)).size < MIN_SPEAKERS || labelled.length < MIN_TURNS) return null;
  return { ...withoutSilentSpeakers(speakers, turns), labels };
}

/** Drops the speakers left without a turn, keeping the order of the rest. */
function withoutSilentSpeakers(speakers: Speaker[], turns: Turn[]): Pick<DetectedConversation, "speakers" | "turns"> {
  const kept = new Map<number, number>();
  for (const turn of turns) kept.set(turn.speaker, -1);
  const order = [...kept.keys()].sort((a, b) => a - b);
  order.forEach((old, i) => kept.set(old, i));
  return { speakers: order.map((old) => speakers[old]), turns: turns.map((t) => ({ ...t, speaker: kept.get(t.speaker)! })) };
}
