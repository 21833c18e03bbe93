import type { Article } from "../types";

// Real-world markup in one article: headings, lists, a blockquote, links, a figure with a caption and a
// credit line, and an advertisement block. None of the chrome may be read aloud or shift the word mapping.
export const lighthouse: Article = {
  id: "how-a-lighthouse-keeps-its-light",
  title: "How a Lighthouse Keeps Its Light",
  dek: "Lenses, clockwork and a great deal of polishing: a short guide to the towers that kept ships off the rocks.",
  author: "Listen Editions",
  published: "2025-05-27",
  blocks: [
    {
      type: "p",
      content: [
        "A lighthouse has one job: to be seen, and to be recognised, from as far away as possible. Everything about it, from the height of the tower to the ",
        { text: "colour of its stripes", em: true },
        ', serves that single purpose. Keepers called it "keeping the light", and the phrase was meant literally.',
      ],
    },
    {
      type: "figure",
      src: "/images/lighthouse.svg",
      alt: "A striped lighthouse on a rocky point at dusk, its beam sweeping over the sea",
      caption: "A light on a rocky point at dusk, when the lamp was lit and the watch began.",
      credit: "Illustration: Listen Editions",
    },
    { type: "h2", text: "The lens" },
    {
      type: "p",
      content: [
        "Early lights were simply fires, and later oil lamps with polished mirrors behind them. The great change came with the ",
        { text: "Fresnel lens", href: "https://en.wikipedia.org/wiki/Fresnel_lens" },
        ", which broke a huge curved lens into rings of glass prisms. It bent almost all of the lamp's light into a single flat beam that could be seen twenty miles out to sea.",
      ],
    },
    {
      type: "ul",
      items: [
        "A first order lens stood taller than a man and weighed several tons.",
        "Smaller orders were used for harbours, rivers and piers.",
        ["The whole lens floated on a bath of ", { text: "mercury", strong: true }, ", so that a light push could turn it."],
      ],
    },
    {
      type: "ad",
      label: "Advertisement",
      text: "Sea views from 49 a night. Book your coastal escape today.",
      href: "https://example.com/coastal-escape",
    },
    { type: "h2", text: "The character of a light" },
    {
      type: "p",
      content:
        "Seen from a ship, one white light looks much like another. So every lighthouse was given its own pattern of flashes and darkness, called its character, printed in the lists that every navigator carried.",
    },
    {
      type: "ol",
      items: [
        "Count the flashes in a group.",
        "Time the whole cycle from the start of one group to the start of the next.",
        "Look up the pattern in the list of lights for that coast.",
      ],
    },
    {
      type: "blockquote",
      paragraphs: [
        "The light must be kept burning from sunset to sunrise, and the keeper on watch shall not leave the lantern for any reason whatever while the light is exhibited.",
      ],
      cite: "From a keeper's book of instructions",
    },
    { type: "h3", text: "Clockwork and weights" },
    {
      type: "p",
      content:
        "To make the lens turn at a steady speed, keepers wound a clockwork mechanism driven by a heavy weight that dropped slowly down the centre of the tower. On a long winter night the weight had to be wound back up every few hours, which is why a keeper's sleep was always broken.",
    },
    {
      type: "p",
      content: [
        "Today almost every light is automatic, watched from a control room many miles away. You can still climb a few of the old towers, and the ",
        { text: "national lighthouse societies", href: "https://example.org/lighthouses" },
        " keep lists of the ones open to visitors.",
      ],
    },
  ],
};
