// Text cleaning before synthesis (ads and junk patterns stripped). The browser runs
// the same function over the article's DOM text, so what is read aloud and what is wrapped in word spans agree.
//
// Only whole lines and whole parenthesised credits are removed: ordinary prose that mentions "share" or
// "advertisement" mid-sentence is never touched.

// Trailing decoration seen on button-like lines ("Read more »", "Advertisement -", "Share:").
const DECORATION = String.raw`[\s.:!…»›>→|—–-]*`;

function wholeLine(body: string): RegExp {
  return new RegExp(`^(?:${body})${DECORATION}$`, "i");
}

// The prefix must end at a separator, so "Subscribers said..." or "Share prices fell" never match "Subscribe"/"Share on".
function lineStartingWith(body: string, maxRest: number): RegExp {
  return new RegExp(`^(?:${body})(?:[\\s:,.—–-].{0,${maxRest}})?$`, "i");
}

/**
 * A line (trimmed, whitespace collapsed) matching any of these is dropped. Lines that carry content after a
 * prefix are capped in length so that a long prose sentence starting with the same words survives.
 */
export const JUNK_LINE_PATTERNS: readonly RegExp[] = [
  // advertising
  wholeLine(
    [
      "advertisement",
      "advertising",
      "advert",
      "ads?",
      "ad feedback",
      "skip (?:advertisement|ad)",
      "sponsored(?: (?:content|post|article|story|links?))?",
      "promoted(?: (?:content|stories|links?))?",
      "paid (?:content|post|partner content)",
      "partner content",
      "(?:story|article|text|content) continues (?:below|after) (?:the )?(?:advertisement|advert|ad)",
      "continue reading(?: below| the main story)?",
      "advertisement[\\s–—-]+(?:scroll|continue) (?:down )?(?:to|reading)[^.!?]{0,40}",
    ].join("|"),
  ),
  lineStartingWith("sponsored by|presented by|in partnership with", 80),
  // An ad's label and its pitch on one line: "Advertisement — Refinance today with Lakeside Bank", "Sponsored:
  // …". The label must be followed by a colon, a bar or a spaced dash, so "Ad-hoc committees…" and
  // "Advertisement revenue fell" are prose.
  /^(?:advertisement|advert|ad|ads|sponsored|promoted|paid (?:content|post)|anzeige|werbung|publicité|publicidad|pubblicità|реклама|إعلان|פרסומת|广告|広告)(?:\s*[:|]|\s+[—–-])\s*.{0,120}$/i,
  // share, subscribe, follow
  wholeLine("share|tweet|copy link|copy the link|email this|print this(?: article| page)?|comments?"),
  lineStartingWith("share (?:this|the) (?:article|story|post|page|link)", 60),
  lineStartingWith(
    "share (?:on|via|to|with) (?:facebook|twitter|x|linkedin|whatsapp|e-?mail|reddit|pinterest|telegram|bluesky|threads|messenger)",
    40,
  ),
  wholeLine("subscribe(?: now| today| here)?|sign up(?: now| here| today)?"),
  lineStartingWith("subscribe (?:to|for|and)", 120),
  lineStartingWith("sign up (?:for|to)", 120),
  lineStartingWith("newsletter sign[- ]?up|get our (?:free )?newsletter|join our (?:mailing list|newsletter)", 100),
  lineStartingWith("follow us on|like us on", 80),
  lineStartingWith("follow (?:\\S+ ){0,3}on (?:twitter|x|facebook|instagram|linkedin|threads|bluesky|tiktok|youtube)", 40),
  lineStartingWith("click here to", 120),
  // caption credits
  new RegExp(String.raw`^(?:photo(?:graph)?|image|picture|illustration|video|graphic)s?(?: credits?)?\s*:.{0,200}$`, "i"),
  /^credits?\s*:.{0,200}$/i,
  /^\(?(?:photo(?:graph)?|image|picture)s? (?:by|courtesy of|credit)\b.{0,200}$/i,
  /^[^.!?/]{0,100}\/\s*(?:getty images|ap(?: photo)?|afp|reuters|shutterstock|alamy|epa(?:-efe)?|pa(?: wire)?|bloomberg)(?: via getty images)?\.?\)?$/i,
  // see also
  new RegExp(
    String.raw`^(?:read more|read also|also read|see also|related|more|more on this(?: story)?|recommended|related (?:articles?|stories|coverage|content|reading|links?)|you (?:may|might) also like|most (?:read|popular))\s*:.{0,200}$`,
    "i",
  ),
  wholeLine(
    "read more|related|related (?:articles?|stories|coverage|content|reading|links?)|you (?:may|might) also like|recommended(?: for you)?|most (?:read|popular)|more stories",
  ),
];

/**
 * Removed wherever they appear, with the whitespace before them: "(Photo by Jane Doe/Reuters)",
 * "[Image: Getty]", "(Credit: NASA)".
 */
export const INLINE_JUNK_PATTERNS: readonly RegExp[] = [
  /[ ]*[([](?:photo(?:graph)?|image|picture|illustration|video)s?(?:\s+(?:by|courtesy(?:\s+of)?)\b|\s*credits?\s*:|\s*:)[^()[\]\n]*[)\]]/gi,
  /[ ]*[([]credits?\s*:[^()[\]\n]*[)\]]/gi,
];

// Zero-width space/joiners, word joiner, BOM, soft hyphen: invisible, but they split or glue words.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const LINE_BREAKS = /\r\n?|\u2028/g;
const HORIZONTAL_SPACE = /[^\S\n]+/g;

// A bracket group is junk when the whole group, from its opening to its closing bracket, matches a pattern.
const WHOLE_INLINE_JUNK = INLINE_JUNK_PATTERNS.map((pattern) => new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace("g", "")));
const isBracket = (code: number) => code === 0x28 || code === 0x29 || code === 0x5b || code === 0x5d;
const isOpening = (code: number) => code === 0x28 || code === 0x5b;
const CLOSING_BRACKET = /[)\]]/;

/**
 * The text of a line kept so far, as [start, end) ranges of it rather than strings: a long line makes many of
 * them, and numbers are nothing for the collector to trace (an array of a hundred thousand small strings,
 * rescanned at every collection while it grows, made the time per character climb with the line's length).
 */
interface Kept {
  starts: number[];
  ends: number[];
}

const keep = (kept: Kept, start: number, end: number) => {
  kept.starts.push(start);
  kept.ends.push(end);
};

const keptText = (line: string, kept: Kept, from: number) => {
  let text = "";
  for (let k = from; k < kept.starts.length; k += 1) text += line.slice(kept.starts[k], kept.ends[k]);
  return text;
};

/** Drops the spaces at the end of what is kept (the whitespace before a removed credit), across ranges. */
function dropTrailingSpaces(line: string, kept: Kept): void {
  const { starts, ends } = kept;
  while (starts.length > 0) {
    const top = starts.length - 1;
    let end = ends[top];
    while (end > starts[top] && line.charCodeAt(end - 1) === 0x20) end -= 1;
    if (end > starts[top]) {
      ends[top] = end;
      return;
    }
    starts.pop();
    ends.pop();
  }
}

/**
 * Removes every junk bracket group, innermost first, so "(Photo (Image: x) by y)" goes once "(Image: x)" has.
 * One pass with a stack of the opening brackets kept so far: a closing bracket can only complete a group with
 * the last one, and the group's text is tested once, when it closes, so the work is linear (re-running the
 * patterns until nothing changes was quadratic in the nesting depth). A closing bracket that completes no junk
 * group is a wall: no group can reach across it any more, so the stack empties and the bracket stays in the
 * text run around it. `line` has its spaces collapsed.
 */
function removeInlineJunk(line: string): string {
  if (!CLOSING_BRACKET.test(line)) return line; // most lines: no group can close, nothing to remove
  const kept: Kept = { starts: [], ends: [] }; // text runs, and each open bracket as a range of its own
  const open: number[] = []; // indexes of the kept opening brackets a group may still start at
  let from = 0; // start of the text run not yet kept
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i);
    if (!isBracket(code)) continue;
    if (isOpening(code)) {
      if (i > from) keep(kept, from, i);
      open.push(kept.starts.length);
      keep(kept, i, i + 1);
      from = i + 1;
      continue;
    }
    const last = open.at(-1);
    if (last === undefined) continue;
    const group = keptText(line, kept, last) + line.slice(from, i + 1);
    if (WHOLE_INLINE_JUNK.some((pattern) => pattern.test(group))) {
      kept.starts.length = last;
      kept.ends.length = last;
      open.pop();
      dropTrailingSpaces(line, kept);
      from = i + 1;
    } else {
      open.length = 0;
    }
  }
  if (from < line.length) keep(kept, from, line.length);
  return keptText(line, kept, 0);
}

function isJunkLine(line: string): boolean {
  return JUNK_LINE_PATTERNS.some((pattern) => pattern.test(line));
}

/**
 * Strips what should not be read aloud and normalises whitespace: single spaces inside lines, "\n" line
 * breaks, paragraphs separated by exactly one blank line ("\n\n"), no leading or trailing whitespace.
 * A dropped line counts as a paragraph break. Deterministic and idempotent.
 */
export const cleanTextForTTS = cleanTextWith(removeInlineJunk);

/**
 * The cleaning pipeline around one inline step. Exported so that a test can run the very same pipeline with
 * the rules' plainest (and quadratic) reading of the inline step as a reference on small inputs.
 */
export function cleanTextWith(removeInline: (line: string) => string): (text: string) => string {
  return (text) => {
    const lines = text
      .replace(INVISIBLE, "")
      .replace(LINE_BREAKS, "\n")
      .replace(/\u2029/g, "\n\n")
      .split("\n");

    const out: string[] = [];
    let pendingBreak = false;
    for (const raw of lines) {
      const line = removeInline(raw.replace(HORIZONTAL_SPACE, " ")).trim();
      if (line === "" || isJunkLine(line)) {
        pendingBreak = out.length > 0;
        continue;
      }
      if (pendingBreak) out.push("");
      pendingBreak = false;
      out.push(line);
    }
    return out.join("\n");
  };
}
