import type { Article } from "../types";

export const lamplighter: Article = {
  id: "the-lamplighters-round",
  title: "The Lamplighter's Round",
  dek: "A short walk through a trade that vanished so quietly hardly anyone noticed it go.",
  author: "Listen Editions",
  published: "2025-03-02",
  blocks: [
    {
      type: "p",
      content:
        "Every evening, a little before dusk, a man with a long pole used to walk the length of our street. He did not hurry. He stopped at each iron post, reached up, opened the small glass door at the top, and coaxed a flame out of the dark. Then he moved on, and behind him the road came alive one pool of light at a time.",
    },
    {
      type: "p",
      content:
        "Children followed him for a few houses and then lost interest, because he never did anything surprising. That was the whole point of him. He was the most dependable thing in the neighbourhood, more regular than the church bell and far more patient than the postman. If he was late, people looked out of their windows and wondered who had fallen ill.",
    },
    {
      type: "p",
      content:
        "The work looked simple, and it was not. The wicks had to be trimmed, the glass wiped clean of soot, the mantles replaced before they crumbled. In winter the wind found every crack in the lanterns, and on wet nights the ladder slipped on the cobbles. He carried a small notebook in which he wrote down every lamp that flickered, every pane that was cracked, and the date he had reported it to the council.",
    },
    {
      type: "p",
      content:
        "In the morning he walked the same route again and put the lights out. Very few people ever saw that half of the job. By the time the town woke, the lamps were already cold, and the man with the pole was at home asleep.",
    },
    {
      type: "p",
      content:
        "When the electric lamps arrived, they came on by themselves, all at once, with a faint buzz. Everyone agreed they were brighter. Nobody followed them down the street. The old posts were pulled up over a single summer, and the lamplighter took a job at the railway yard, where, I am told, he was just as dependable as before.",
    },
    {
      type: "p",
      content:
        "I think of him whenever a machine does something for me so smoothly that I forget it is being done at all. Somewhere behind every quiet convenience there was once a person walking slowly from post to post, keeping a careful list.",
    },
  ],
};
