import { imageUrl } from './canary';
import type { HostileCase, HostileFamily, PayloadSpec } from './types';

/**
 * Wraps a payload in a page that any extractor takes for an article: a headline, a byline, a photo
 * from the article's own image host and several paragraphs of ordinary prose, with site chrome
 * (navigation, footer) around it. The payload sits in the middle of the body text, so that a
 * pipeline which keeps the article also meets the payload.
 */

interface Topic {
  title: string;
  photo: string;
  alt: string;
  paragraphs: readonly string[];
}

const TOPICS: readonly Topic[] = [
  {
    title: 'How a small river town rebuilt its flood defences',
    photo: 'river-embankment.jpg',
    alt: 'The new embankment at dusk',
    paragraphs: [
      'When the river rose for the third time in a decade, the town council stopped arguing about blame and started counting sandbags. What followed was a three-year project that changed the shape of the waterfront and, residents say, the mood of the place.',
      'Engineers began with the old records. Some of the flood marks painted on the church wall date back two centuries, and together with gauge readings from upstream they showed a slow, steady climb in the height of the worst winter surges.',
      'The plan that emerged was modest by big-city standards: a raised embankment along the quay, a set of removable barriers for the two lanes that run down to the water, and a new pumping station hidden inside what used to be a boat shed.',
      'Not everyone was convinced. Shop owners on the quay worried that months of construction would keep visitors away, and several older residents feared that the embankment would cut the town off from the river it had been built around.',
      'In the end the council paid for a temporary footbridge and a summer market on the green, and the works finished two months early. Last February the barriers went up for the first time, and the water stopped a hand’s width below the top.',
      'The engineers are careful not to promise too much. The defences were designed for the floods of the past, they say, and the next generation of planners will have to decide how much higher the town is willing to build.',
    ],
  },
  {
    title: 'The quiet return of the neighbourhood repair café',
    photo: 'repair-cafe.jpg',
    alt: 'Volunteers fixing a toaster at a folding table',
    paragraphs: [
      'On the first Saturday of every month, the community hall fills with broken things: lamps that flicker, radios that hum, jackets with failed zips and, on one memorable morning, a forty-year-old sewing machine that had not moved since the previous century.',
      'The repair café is run entirely by volunteers. Some are retired electricians and tailors; others are students who learned to solder from online videos and wanted a reason to practise on something other than their own headphones.',
      'The rules are simple. Visitors bring the item, sit with the volunteer while it is opened up, and learn what went wrong. Nothing is charged, although a jar by the door collects enough for tea, biscuits and the occasional replacement part.',
      'Organisers keep a logbook of every repair. Over two years the success rate has hovered around two thirds, with kettles and toasters the most common patients and modern phones the most frustrating, because of glued cases and missing parts.',
      'What keeps people coming back, one regular says, is less the saving than the conversation. Waiting for a fuse to be tested is a good excuse to talk to neighbours you have passed in the street for years without a word.',
      'The organisers now hope to lend out tools as well, starting with a shelf of drills, ladders and sewing kits that most households use twice a year and that rarely need to be owned by everyone on the same street.',
    ],
  },
  {
    title: 'What a winter of bird counts revealed about the city’s parks',
    photo: 'park-birds.jpg',
    alt: 'A robin on a frosted railing',
    paragraphs: [
      'Every Sunday morning from December to March, a group of amateur birdwatchers walked the same routes through the city’s five largest parks, notebooks in hand, counting every bird they could see or hear within twenty metres of the path.',
      'The counts began as a hobby, but the organisers followed a method used by national surveys so that their numbers could be compared with those from previous winters and with the results of similar groups in other cities.',
      'The headline finding surprised them. The smallest park, a former cemetery with overgrown hedges and a few old yew trees, recorded more species per hectare than the large landscaped park with its open lawns and ornamental lake.',
      'Ecologists who looked at the data were less surprised. Dense hedges give small birds shelter from wind and predators, they explained, while neat lawns offer little food in winter beyond what visitors throw to the ducks.',
      'The parks department has since agreed to leave some hedges uncut until spring and to plant berry-bearing shrubs along two paths. The birdwatchers will keep counting, to see whether the changes make a difference over the next few winters.',
      'Anyone can join, the organisers say. The only requirements are warm boots, patience and a willingness to stand still in the cold for longer than feels reasonable while a wren decides whether to show itself.',
    ],
  },
];

function topicFor(id: string): Topic {
  let sum = 0;
  for (const char of id) sum = (sum * 31 + char.charCodeAt(0)) >>> 0;
  return TOPICS[sum % TOPICS.length] ?? TOPICS[0]!;
}

function paragraph(text: string): string {
  return `<p>${text}</p>`;
}

/** The full page for one payload. */
export function articlePage(spec: PayloadSpec): string {
  const topic = topicFor(spec.id);
  const [p1, p2, p3, p4, p5, p6] = topic.paragraphs;
  const body = spec.body ?? '';
  const middle = spec.placement === 'inline'
    ? `<p>${p3} ${body} The reporting continued after a short break.</p>`
    : `${paragraph(p3!)}\n${body}\n`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${topic.title} | The Example Courier</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${spec.head ?? ''}
</head>
<body>
<header class="site-header"><a href="/">The Example Courier</a>
<nav><a href="/news">News</a> <a href="/local">Local</a> <a href="/about">About us</a></nav></header>
<main>
<article>
<h1>${topic.title}</h1>
<p class="byline">By Ada Example · 12 March 2026</p>
<figure><img src="${imageUrl(topic.photo)}" alt="${topic.alt}" width="800" height="450"><figcaption>${topic.alt}.</figcaption></figure>
${paragraph(p1!)}
${paragraph(p2!)}
${middle}
${paragraph(p4!)}
${paragraph(p5!)}
${paragraph(p6!)}
</article>
</main>
<footer class="site-footer"><p>© 2026 The Example Courier. <a href="/privacy">Privacy</a></p></footer>
</body>
</html>
`;
}

/** Builds the cases of one family from its payload specs. */
export function casesOf(family: HostileFamily, specs: readonly PayloadSpec[]): HostileCase[] {
  return specs.map((spec) => ({ id: spec.id, family, vector: spec.vector, html: articlePage(spec) }));
}
