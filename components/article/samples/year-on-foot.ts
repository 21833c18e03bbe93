import type { Article, Block } from "../types";

// The long sample (well over 40,000 characters, so the API needs many chunks): a month-by-month walking
// journal. Each month has its own opening; the body paragraphs come from a shared pool, in a rotating order.

const months: Array<[string, string]> = [
  [
    "January",
    "January begins with a hard frost and a sky the colour of skimmed milk. The fields are white at dawn and brown by noon, and the only sound on the ridge path is the crunch of my boots on the frozen ruts left by the tractors in December.",
  ],
  [
    "February",
    "February is the month of mud. The lane to the river turns into a brown stream for three weeks, and I learn again which gates can be climbed and which must be opened, because the ground beneath them has become a small and treacherous lake.",
  ],
  [
    "March",
    "March arrives with wind. It shoves at my back on the way up the hill and slaps my face on the way down, and in the hedges the blackthorn flowers open white before a single leaf has dared to show itself.",
  ],
  [
    "April",
    "April is all showers and sudden sun. I leave the house in a coat, take it off by the church, put it on again at the stile, and come home soaked and oddly happy, with primroses along every bank and lambs shouting in the low fields.",
  ],
  [
    "May",
    "May is the green month. The beeches unfold their leaves so fast that the wood seems to change from one morning to the next, and the light under the canopy turns from grey to a bright, watery green that I have never managed to describe properly.",
  ],
  [
    "June",
    "June brings the longest evenings. I walk after supper now, when the heat has gone out of the day, and come home at ten with the sky still pale in the north and the swifts screaming over the rooftops like children let out of school.",
  ],
  [
    "July",
    "July is heavy and slow. The hay has been cut, the lanes smell of warm grass and diesel, and the streams shrink to a trickle between dry stones. I start early, before the sun is high, and rest for an hour in the shade of the old oak at the top of the valley.",
  ],
  [
    "August",
    "August is the month of thunder. The afternoons build into towers of cloud above the hills, and more than once I race a storm back down the track, counting the seconds between the flash and the roll and losing the count every time.",
  ],
  [
    "September",
    "September is gold and quiet. The harvest is in, the swallows gather on the wires, and the first mists lie in the valley bottom in the mornings, so that the church tower floats above them like the mast of a half-sunk ship.",
  ],
  [
    "October",
    "October smells of wet leaves and woodsmoke. The paths are slippery with beech mast and fallen apples, the clocks go back, and suddenly my walks end in the dusk, with the lit windows of the farms coming on one by one across the valley.",
  ],
  [
    "November",
    "November is the bare month. The last leaves come down in a single night of wind, and the shape of the land shows through again: every wall, every ditch, every old hedge line that the summer had hidden under its green.",
  ],
  [
    "December",
    "December is short and dark and surprisingly bright. On the clear days the low sun turns every puddle into a mirror, and on the shortest afternoon of the year I climb the hill to watch it go down at half past three behind the far ridge.",
  ],
];

const pool = [
  "I walk the same few routes over and over, and I have stopped apologising for it. A new path gives you novelty, but an old path gives you comparison, and comparison is where most of the interest lies. I know this hedge well enough now to see that it has thickened since last year, that the ash at the corner is dying from the top down, and that somebody has cut back the brambles by the gate, clumsily, with a blunt blade.",
  "Walking alone, I talk to myself more than I would like to admit. Not out loud, usually, but in a steady murmur of half-formed thoughts that seem to need the rhythm of steps to come out in order. Problems that stalled at my desk for days will sometimes sort themselves out on the long straight stretch beside the canal, and I get home with the answer already written in my head, waiting only to be copied down.",
  "The dog, when she comes, has her own idea of a walk. To her the route is an excuse, a thin line of travel connecting a hundred interesting smells. She stops at the foot of every gatepost and reads it like a newspaper. I have learned not to hurry her. There is no point in walking with a companion if you will not allow them their own reasons for being there.",
  "There is an old man I meet most weeks near the bridge. We have never exchanged names. He says the weather is turning, whatever the weather is doing, and I agree with him, and we both go on our way satisfied. I have come to think of these brief exchanges as a kind of weather in themselves: small, regular, and reassuring in a way that is hard to account for.",
  "Maps tell you where the paths go, but not what they are like. The map shows a neat dotted line across the common. It does not show the place where the line vanishes into bracken taller than your head, or the boggy patch that swallows a boot, or the bench someone put there in memory of a woman who loved the view. You learn those things only with your feet, and you remember them in your knees.",
  "Footpaths are a strange kind of inheritance. Most of the ones I walk were made by people going somewhere else: to market, to church, to the mill, to the next farm to borrow a horse. They were worn into the ground by necessity, not by pleasure. Now nobody needs them for those errands, and yet they survive, kept open by people like me who walk them for no particular reason at all.",
  "I keep a small notebook in my pocket and write down three things on each walk: one thing I saw, one thing I heard, and one thing I thought. Some days the thing I saw is a kestrel hanging over the motorway verge. Some days it is only a crisp packet caught in a hawthorn. The discipline is not in finding something remarkable, but in looking hard enough to find anything at all.",
  "Rain changes the whole business. In rain the walk stops being a view and becomes a texture: the drum of drops on the hood, the water running down the inside of the wrist, the sharp smell of wet stone. I used to wait for the rain to stop. Now I go out in it on purpose, at least once a month, to remind myself that the weather is not something that happens between walks, but something the walk is made of.",
  "Sometimes I get lost, in a mild and local way. I take a turning I have never taken, follow it longer than I meant to, and come out somewhere familiar from an unfamiliar side. For a moment the village looks like a village I have never seen: the church in the wrong place, the pub sign facing away. Then the pieces click back together, and I feel the small pleasure of a map rearranging itself in my head.",
  "The light is the thing I notice most. In the morning it comes in low from the east and picks out every blade of grass along the ridge. At noon it flattens everything into the same dull brightness. In the late afternoon it turns warm and long and throws the shadows of the fence posts halfway across the field, and that is when I most want to stop walking and simply stand still.",
  "Once or twice a season I walk with friends, and the walk becomes a conversation with scenery. We talk about work, children, the state of the world, and look up every so often to say that the view is lovely. I enjoy those days very much, but I come home having seen almost nothing. Walking in company is for the company. Walking alone is for the place.",
  "People say walking clears the head, and I suppose it does, but that is not quite how it feels from inside. It feels more as though the head fills up with the outside: the shape of the hill, the colour of the sky, the wind on one side of the face. There is simply less room left for the usual worries, and after an hour or two they have quietly been pushed out of the door.",
  "At the top of the long climb there is a stone with a worn hollow in it, where generations of walkers have sat down to get their breath back. I sit there too, most days. From the stone you can see three churches, two rivers, the motorway, a quarry, a wind farm on the horizon, and, if the air is clear, a thin grey line that might be the sea or might only be a cloud pretending to be the sea.",
  "Coming home is its own small ceremony. Boots off at the back door, mud knocked from the soles against the step, the kettle on before my coat is hung up. The house feels warmer than when I left it, though the thermostat has not changed. I suspect that is the real purpose of a walk: not to get anywhere, but to make the place you started from feel new enough to arrive at.",
];

const PER_MONTH = 9;

function monthBlocks(index: number): Block[] {
  const [name, opening] = months[index];
  const body = Array.from({ length: PER_MONTH }, (_, k) => pool[(index * 3 + k * 5) % pool.length]);
  return [{ type: "h2", text: name }, { type: "p", content: opening }, ...body.map((content): Block => ({ type: "p", content }))];
}

export const yearOnFoot: Article = {
  id: "a-year-on-foot",
  title: "A Year on Foot",
  dek: "Twelve months of walking the same few paths, and why the old routes never run out of things to show.",
  author: "Listen Editions",
  published: "2025-01-05",
  blocks: months.flatMap((_, i) => monthBlocks(i)),
};
