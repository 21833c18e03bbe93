import type { Article, Block } from "../types";

// An interview, for "Read as a conversation" (lib/conversation/detect-turns.ts): a short introduction read by
// the narrator, then three speakers whose turns open with a bold name and a colon, as interview pages mark
// them. One turn runs over two paragraphs, the second without a label, as interviews do.
const introduction =
  "Ines Marlow has tuned pianos in village halls, schools and chapels for twenty-six years. Her apprentice, Tobias Reed, joined her two winters ago. We met them in a church hall on a wet Thursday, between the second and third piano of their day, to ask what the work is really like.";

const turns: Array<[speaker: string, text: string]> = [
  ["Hana Ito", "Let's start with the obvious question. What does a piano tuner actually do all day?"],
  [
    "Ines Marlow",
    "Mostly we drive. Then we listen, and then we make very small changes to a great many strings. A piano has more than two hundred of them, and every one has drifted a little since the last visit. My job is to bring them back into agreement with each other, not to make any one of them perfect.",
  ],
  ["Hana Ito", "Agreement rather than perfection. That sounds almost like a philosophy."],
  [
    "Ines Marlow",
    "It's a practical matter first. If you tuned every note to a meter, the instrument would sound wrong, because the strings of a real piano don't behave like the ideal strings in a textbook. The high notes need to be stretched a little sharp and the low notes a little flat, or the octaves sound sour. You learn to trust the beats you hear between two notes more than any number on a screen.",
  ],
  ["Hana Ito", "Tobias, you came to this from somewhere else entirely, didn't you?"],
  [
    "Tobias Reed",
    "I was a bicycle mechanic for six years. I thought I was good with my hands and good with my ears, and it turned out I was only one of those things. The first month I couldn't hear the beats Ines was talking about at all. She would play two notes and say, there, do you hear it slowing down, and I would nod and hear nothing.",
  ],
  [
    "Ines Marlow",
    "He heard them in the second month. Everybody does, if they keep listening. The ear is lazier than people think, but it can be taught.",
  ],
  ["Hana Ito", "What changed in the second month?"],
  [
    "Tobias Reed",
    "Honestly, I stopped trying so hard. I had been listening for something loud, and the beats are quiet. They're a kind of slow wobble in the sound, like a wheel that's slightly out of true. Once I thought of it that way, the bicycle years suddenly helped. I knew what slightly out of true felt like.",
  ],
  ["Hana Ito", "What do you carry with you? I imagined a bag full of strange tools."],
  [
    "Tobias Reed",
    "It's smaller than you'd think. A tuning lever, a few felt and rubber mutes, a torch, spare strings in three or four gauges, and a roll of tape for everything else. Ines also carries a notebook for each county, with every piano she has ever tuned in it.",
  ],
  [
    "Ines Marlow",
    "The notebooks matter more than the tools. When I open the lid of a piano I last saw four years ago, I want to know what I found then: which note was slipping, which hammer was worn, whether the hall was heated. A piano doesn't change its habits much. If the F in the tenor went flat last time, it will go flat again, and I'd rather know before I start.",
  ],
  ["Hana Ito", "And the hardest part of a day like today?"],
  [
    "Ines Marlow",
    "The cold. Church halls are heated on Sundays and forgotten the rest of the week, and a tuning done in a cold room drifts as soon as the heating goes on. So I ask when the choir rehearses and try to come when the room is the temperature it will be when people actually play. Often I fail, and I say so in the letter.",
  ],
  ["Hana Ito", "Which instrument of this week will you remember?"],
  [
    "Ines Marlow",
    "The one in the school on Monday. Someone had stored it against a radiator for a whole winter, and the soundboard had cracked right across. It still played, in a way. The children had been practising on it for months and had no idea anything was wrong, because it was the only piano they knew.",
  ],
  [
    "Ines Marlow",
    "That is the part of the job that stays with me. People get used to what they have. A hall can put up with a bad piano for ten years, and then one afternoon a tuner comes, and the choir hears itself properly for the first time.",
  ],
  ["Hana Ito", "Could you fix it?"],
  [
    "Ines Marlow",
    "Not in an afternoon. I made it as honest as it could be and wrote the school a long letter. Sometimes the letter is the most useful thing I do all week.",
  ],
  ["Hana Ito", "Tobias, what surprised you most about the trade?"],
  [
    "Tobias Reed",
    "How much of it is talking. I imagined long quiet hours alone with an instrument. Instead there is always a caretaker who wants to tell you the history of the hall, or a teacher who wants to know why the middle C sticks, or an old man who played this piano at his wedding and wants to hear it once more before we start. Ines lets them talk. I used to find that frustrating, and now I think it is half the job.",
  ],
  ["Ines Marlow", "More than half. The piano belongs to them, not to me. If I understand how they use it, I know what to leave alone."],
  ["Hana Ito", "Do you ever disagree about how a piano should sound?"],
  [
    "Tobias Reed",
    "All the time, quietly. I like a bright treble, and Ines likes the top of the instrument to sing without shouting. She usually wins, because she's usually right, and because the person who plays it on Sunday is seventy-eight and hates anything shrill.",
  ],
  [
    "Ines Marlow",
    "He wins more often than he admits. On a good day we argue about two or three notes, and the piano ends up better than either of us would have left it alone.",
  ],
  ["Hana Ito", "Is it a trade with a future? Digital pianos never need tuning."],
  [
    "Ines Marlow",
    "People have been telling me it's finished since the day I started. There are fewer pianos than there were, that's true. But the ones that are left are loved more, and they're older, and they need more care. I turn work away every month.",
  ],
  ["Tobias Reed", "And the digital ones break too. They just can't be mended in a church hall with a tuning lever and a cup of tea."],
  ["Hana Ito", "Last question. What should someone with an old piano at home do this week?"],
  [
    "Ines Marlow",
    "Move it away from the radiator and the window. Play it, even badly, because a piano that is played tells you when something is wrong. And call someone before it gets worse, not after. A piano tuned once a year keeps its voice for a lifetime.",
  ],
  ["Tobias Reed", "And open the lid now and then. They like the air."],
];

const turnBlock = ([speaker, text]: [string, string], i: number): Block => {
  // A paragraph that goes on with the same speaker carries no label, as in print.
  const continues = i > 0 && turns[i - 1][0] === speaker;
  return { type: "p", content: continues ? text : [{ text: `${speaker}:`, strong: true }, ` ${text}`] };
};

export const tunerInterview: Article = {
  id: "the-tuner-of-small-halls",
  title: "The Tuner of Small Halls",
  dek: "A conversation with a piano tuner and her apprentice about stretched octaves, slow wobbles and the letters nobody asks for.",
  author: "Listen Editions",
  published: "2025-06-12",
  blocks: [{ type: "p", content: introduction }, ...turns.map(turnBlock)],
};
