import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectConversation, MAX_DETECT_CHARS, type DetectedConversation } from "@/lib/conversation/detect-turns";
import { SEGMENT_SEPARATOR } from "@/lib/text/chunk-plan";
import { splitWords } from "@/lib/text/split-words";

const join = (...paragraphs: string[]) => paragraphs.join("\n\n");
const spoken = (c: DetectedConversation | null) => c?.turns.map((t) => [c.speakers[t.speaker].name, t.text]);

const INTERVIEW = join(
  "Last spring we sat down with a ferry captain who has crossed the same strait for thirty years.",
  "Q: How did you start?",
  "A: By accident. My uncle needed a deckhand for one summer.",
  "And the summer never ended.",
  "Q: What has changed since then?",
  "A: The boats are quieter. The passengers are not.",
);

describe("detectConversation", () => {
  it("finds Q/A turns, the narrator's introduction, and paragraphs that continue a turn", () => {
    const found = detectConversation(INTERVIEW);
    expect(found?.speakers).toEqual([
      { name: "Narrator", narrator: true },
      { name: "Q", narrator: false },
      { name: "A", narrator: false },
    ]);
    expect(spoken(found)).toEqual([
      ["Narrator", "Last spring we sat down with a ferry captain who has crossed the same strait for thirty years."],
      ["Q", "How did you start?"],
      ["A", "By accident. My uncle needed a deckhand for one summer.\n\nAnd the summer never ended."],
      ["Q", "What has changed since then?"],
      ["A", "The boats are quieter. The passengers are not."],
    ]);
  });

  it("gives each label's range, colon and space included, and where the spoken text starts", () => {
    const found = detectConversation(INTERVIEW)!;
    for (const turn of found.turns) {
      expect(INTERVIEW.slice(turn.textStart, turn.textStart + turn.text.length)).toBe(turn.text);
      if (!turn.label) continue;
      expect(INTERVIEW.slice(turn.label.start, turn.label.end)).toMatch(/^[QA]: $/);
      expect(turn.label.end).toBe(turn.textStart);
    }
    expect(found.turns[0].label).toBeNull();
  });

  it.each([
    ["names in title case", ["Maria Lopez: Good morning.", "Tom: Morning.", "Maria Lopez: Shall we start?", "Tom: Please."], ["Maria Lopez", "Tom"]],
    ["names in capitals", ["HAMLET: Who's there?", "HORATIO: Friends to this ground.", "HAMLET: Stand.", "HORATIO: Peace."], ["HAMLET", "HORATIO"]],
    [
      "names with initials and hyphens",
      ["Dr. Ruth Okafor: Yes.", "Jean-Luc: No.", "Dr. Ruth Okafor: Maybe.", "Jean-Luc: Fine."],
      ["Dr. Ruth Okafor", "Jean-Luc"],
    ],
  ])("finds %s", (_what, paragraphs, names) => {
    expect(detectConversation(join(...paragraphs))?.speakers.map((s) => s.name)).toEqual(names);
  });

  it("takes a label spelled differently in case as the same speaker", () => {
    const found = detectConversation(join("MARIA: One.", "Tom: Two.", "Maria: Three.", "TOM: Four."));
    expect(found?.speakers.map((s) => s.name)).toEqual(["MARIA", "Tom"]);
    expect(found?.turns.map((t) => t.speaker)).toEqual([0, 1, 0, 1]);
  });

  it("finds a bold name followed by a colon, with the colon inside or after the bold", () => {
    const text = join("the interviewer: Where were you?", "our guest: At sea.", "the interviewer: Alone?", "our guest: Never.");
    expect(detectConversation(text)).toBeNull();
    const bold = (name: string, colonInside: boolean) =>
      [...text.matchAll(new RegExp(`${name}:`, "g"))].map((m) => [m.index, m.index + name.length + (colonInside ? 1 : 0)] as const);
    for (const colonInside of [true, false]) {
      const found = detectConversation(text, { boldRanges: [...bold("the interviewer", colonInside), ...bold("our guest", colonInside)] });
      expect(spoken(found)).toEqual([
        ["the interviewer", "Where were you?"],
        ["our guest", "At sea."],
        ["the interviewer", "Alone?"],
        ["our guest", "Never."],
      ]);
    }
  });

  it.each([
    ["one speaker", join("Q: One?", "Q: Two?", "Q: Three?", "Q: Four?")],
    ["three turns", join("Q: One?", "A: Two.", "Q: Three?")],
    ["prose with a colon in a sentence", join("The rule was simple: nobody leaves.", "Then it rained: for days.", "We waited.", "Nobody left.")],
    [
      "more than three words before the colon",
      join("The Very Long Name Here: hi.", "Another Very Long Name: hi.", "The Very Long Name Here: hi.", "Another Very Long Name: hi."),
    ],
    ["a colon not followed by a space", join("Http://example.com", "Note:this", "Http://example.org", "Note:that")],
    ["no text", ""],
  ])("offers nothing for %s", (_what, text) => {
    expect(detectConversation(text)).toBeNull();
  });

  it("leaves out a label with nothing after it, and its speaker when it has no other turn", () => {
    const found = detectConversation(join("Q: One?", "A: Two.", "Q: Three?", "A: Four.", "Editor:"));
    expect(found?.speakers.map((s) => s.name)).toEqual(["Q", "A"]);
    expect(found?.turns).toHaveLength(4);
    expect(found?.labels).toHaveLength(5);
  });

  it("takes the paragraph after a label that stands alone as the turn's text", () => {
    const text = join("Q:", "How did you start?", "A:", "By accident.", "Q: And then?", "A: Then I stayed.");
    const found = detectConversation(text)!;
    expect(spoken(found)?.[0]).toEqual(["Q", "How did you start?"]);
    expect(text.slice(found.turns[0].label!.start, found.turns[0].label!.end)).toBe("Q:\n\n");
  });

  it("refuses text over the cap without looking at it", () => {
    const long = join(...Array.from({ length: 4 }, (_, i) => `${i % 2 ? "A" : "Q"}: ${"word ".repeat(MAX_DETECT_CHARS / 8)}`));
    expect(long.length).toBeGreaterThan(MAX_DETECT_CHARS);
    expect(detectConversation(long)).toBeNull();
  });
});

// Paragraphs with and without labels, joined as the spoken text joins them.
const label = fc.constantFrom("Q: ", "A: ", "Maria: ", "TOM BELL: ", "Dr. Ruth Okafor: ", "Q:", "");
const words = fc.string({ unit: fc.constantFrom("a", "b", "Q", "M", ":", " ", ".", "\n", "é"), maxLength: 60 });
const paragraph = fc.tuple(label, words).map(([l, w]) => `${l}${w}`);
const article = fc.array(paragraph, { maxLength: 30 }).map((ps) => ps.join("\n\n"));
const conversationText = fc
  .tuple(
    fc.array(paragraph, { maxLength: 3 }),
    fc.array(fc.tuple(fc.constantFrom("Q: ", "A: "), fc.stringMatching(/^[a-z]{1,12}$/)), { minLength: 4, maxLength: 20 }),
  )
  .map(([intro, turns]) => [...intro, ...turns.map(([l, w], i) => (i < 2 ? `${["Q: ", "A: "][i]}${w}` : `${l}${w}`))].join("\n\n"));

describe("detectConversation, properties", () => {
  it("puts every character that is neither a label nor a space in exactly one turn, in order", () => {
    fc.assert(
      fc.property(fc.oneof(article, conversationText), (text) => {
        const found = detectConversation(text);
        if (!found) return;
        const LABEL = -2;
        const owner = new Array<number>(text.length).fill(-1);
        let next = 0;
        const take = (from: number, to: number, who: number) => {
          // In order: nothing taken goes back before what the previous turn took.
          expect(from).toBeGreaterThanOrEqual(next);
          for (let i = from; i < to; i++) owner[i] = who;
          next = to;
        };
        // The labels and the turns' texts, merged in text order, must take the text in turn without overlapping.
        const stretches = [
          ...found.labels.map((l) => ({ from: l.start, to: l.end, who: LABEL })),
          ...found.turns.map((turn, t) => ({ from: turn.textStart, to: turn.textStart + turn.text.length, who: t })),
        ].sort((a, b) => a.from - b.from || a.to - b.to);
        for (const { from, to, who } of stretches) take(from, to, who);
        found.turns.forEach((turn, t) => {
          expect(text.slice(turn.textStart, turn.textStart + turn.text.length)).toBe(turn.text);
          if (turn.label) expect(found.labels).toContainEqual(turn.label);
          if (t > 0) expect(turn.textStart).toBeGreaterThan(found.turns[t - 1].textStart);
        });
        for (let i = 0; i < text.length; i++) {
          if (owner[i] === -1) expect(/\s/.test(text[i]), `character ${i} of ${JSON.stringify(text)}`).toBe(true);
        }
      }),
    );
  });

  it("speaks the article's words minus the labels' words, one for one, when the turns are joined as the API joins segments", () => {
    fc.assert(
      fc.property(fc.oneof(article, conversationText), (text) => {
        const found = detectConversation(text);
        if (!found) return;
        const inLabel = (w: { start: number }) => found.labels.some((l) => w.start >= l.start && w.start < l.end);
        const shown = splitWords(text)
          .filter((w) => !inLabel(w))
          .map((w) => w.text);
        expect(splitWords(found.turns.map((t) => t.text).join(SEGMENT_SEPARATOR)).map((w) => w.text)).toEqual(shown);
      }),
    );
  });

  it("always finds a conversation of two speakers taking four or more turns", () => {
    fc.assert(
      fc.property(conversationText, (text) => {
        expect(detectConversation(text)).not.toBeNull();
      }),
    );
  });
});
