// Text cleaning before synthesis (spec: Architecture, "Clean text (strip ads, junk patterns)"). The browser runs
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
  new RegExp(
    String.raw`^(?:photo(?:graph)?|image|picture|illustration|video|graphic)s?(?: credits?)?\s*:.{0,200}$`,
    "i",
  ),
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
const isOpening = (piece: string) => piece === "(" || piece === "[";
const CLOSING_BRACKET = /[)\]]/;

/** Drops the spaces at the end of `pieces` (the whitespace before a removed credit), across pieces. */
function dropTrailingSpaces(pieces: string[]): void {
  while (pieces.length > 0) {
    const last = pieces[pieces.length - 1];
    let end = last.length;
    while (end > 0 && last.charCodeAt(end - 1) === 0x20) end -= 1;
    if (end > 0) {
      pieces[pieces.length - 1] = last.slice(0, end);
      return;
    }
    pieces.pop();
  }
}

/**
 * Removes every junk bracket group, innermost first, so "(Photo (Image: x) by y)" goes once "(Image: x)" has.
 * One pass with a stack of the brackets kept so far: a closing bracket can only complete a group with the
 * last bracket kept, and the group's text is tested once, when it closes, so the work is linear (re-running
 * the patterns until nothing changes was quadratic in the nesting depth). `line` has its spaces collapsed.
 */
function removeInlineJunk(line: string): string {
  if (!CLOSING_BRACKET.test(line)) return line; // most lines: no group can close, nothing to remove
  const pieces: string[] = []; // runs of text, and each kept bracket as a piece of its own
  const kept: number[] = []; // indexes in `pieces` of the kept brackets
  let from = 0;
  for (let i = 0; i < line.length; i += 1) {
    if (!isBracket(line.charCodeAt(i))) continue;
    if (i > from) pieces.push(line.slice(from, i));
    from = i + 1;
    const bracket = line[i];
    const last = kept.at(-1);
    if (!isOpening(bracket) && last !== undefined && isOpening(pieces[last])) {
      const group = pieces.slice(last).join("") + bracket;
      if (WHOLE_INLINE_JUNK.some((pattern) => pattern.test(group))) {
        pieces.length = last;
        kept.pop();
        dropTrailingSpaces(pieces);
        continue;
      }
    }
    kept.push(pieces.length);
    pieces.push(bracket);
  }
  if (from < line.length) pieces.push(line.slice(from));
  return pieces.join("");
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
