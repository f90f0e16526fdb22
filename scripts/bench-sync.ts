/**
 * Sync engine benchmark: runs the multi-device storage.sync simulator at scale.
 *   npm run bench:sync -- [--out FILE] [--details FILE] [--changes 10000] [--devices 3] [--seed 1]
 * --out writes exactly the keys (maxSyncedArticles, bytesPerArticle, peakWritesPerMinute,
 * devices, changes, converged, lostEdits); --details writes every run's own figures beside them.
 * peakWritesPerMinute is the highest of the burst of 1,000 edits and the multi-device run. Exits 1 when
 * a run writes more than 120 times in a minute, does not converge, or loses an edit.
 * Measures (1) the largest library that fits the quota in the engine's encoding, with realistic URLs,
 * titles and sites from the article-extraction benchmark; (2) the write rate under a burst of 1,000
 * edits; (3) convergence and lost edits after many random changes on several devices with offline
 * periods and late, out-of-order delivery. Prints a table and writes JSON.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { KEY_PREFIX, MANIFEST_KEY, type LibraryIndexEntry } from '../lib/sync';
import { converged, EditOracle } from '../tests/unit/sync-oracle';
import { createRng, QUOTA, Simulation, type SimDevice } from '../tests/unit/sync-simulator';

const GROUND_TRUTH = '/work/shared/datasets/article-extraction-benchmark/ground-truth.json';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

const outFile = arg('out', '');
const detailsFile = arg('details', '');
const changeCount = Number(arg('changes', '10000'));
const deviceCount = Number(arg('devices', '3'));
const seed = Number(arg('seed', '1'));

interface Source {
  url: string;
  site: string;
  /** Headline-length sentences of the article's text, first line first. */
  sentences: string[];
}

function headline(text: string): string {
  const t = text.trim();
  return t.length <= 100 ? t : `${t.slice(0, t.lastIndexOf(' ', 100))}…`;
}

/** Real article URLs and texts. The site is the host without "www."; titles are sentences of the text. */
function loadSources(): Source[] {
  const truth = JSON.parse(readFileSync(GROUND_TRUTH, 'utf8')) as Record<string, { url: string; articleBody: string }>;
  return Object.values(truth).map(({ url, articleBody }) => {
    // Sentences of at least 40 characters (so "Gov." does not end a headline).
    const sentences = (articleBody.match(/[^\n]{40,}?[.!?](?=\s|$)/g) ?? [articleBody.slice(0, 100)]).map(headline);
    return { url, site: new URL(url).hostname.replace(/^www\./, ''), sentences };
  });
}

const TAGS = ['read later', 'work', 'politics', 'tech', 'science', 'longread', 'recipes', 'climate', 'health', 'ai', 'books', 'travel'];

const slugify = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 48)
    .replace(/-[a-z0-9]*$/, '')
    .replace(/^-/, '');

/** Article i. The first pass uses the real URL and the first sentence of the text as its title; later
 * passes make a different, equally realistic article from the same site: the next sentence of the
 * text as the title and a URL in the same directory with a slug of that title (as news sites do), so
 * no two articles share a title or URL. Tags: 60 % none, 30 % one, 10 % two or three. */
function makeArticles(count: number, sources: Source[], rng: () => number, start: number): LibraryIndexEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const src = sources[i % sources.length] as Source;
    const round = Math.floor(i / sources.length);
    const title = src.sentences[round % src.sentences.length] as string;
    let url = src.url;
    if (round > 0) {
      const u = new URL(src.url);
      const dir = u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1);
      url = `${u.origin}${dir}${slugify(title)}-${i}${/\.html?$/.test(u.pathname) ? '.html' : ''}`;
    }
    const r = rng();
    const tagCount = r < 0.6 ? 0 : r < 0.9 ? 1 : 2 + Math.floor(rng() * 2);
    const tags = Array.from({ length: tagCount }, () => TAGS[Math.floor(rng() * TAGS.length)] as string);
    return {
      url,
      title,
      site: src.site,
      savedAt: start + i * 60_000,
      tags: [...new Set(tags)],
      archived: rng() < 0.3,
      favourite: rng() < 0.05,
      progress: rng() < 0.4 ? Math.round(rng() * 1000) / 1000 : 0,
      deleted: false,
    };
  });
}

function dataBytes(d: SimDevice): number {
  const enc = new TextEncoder();
  let bytes = 0;
  for (const [key, { value }] of d.storage.local) if (key.startsWith(KEY_PREFIX) && key !== MANIFEST_KEY) bytes += enc.encode(key + JSON.stringify(value)).length;
  return bytes;
}

async function capacity(sources: Source[]) {
  const sim = new Simulation(seed);
  const a = await sim.addDevice('a');
  const b = await sim.addDevice('b');
  const articles = makeArticles(3_000, sources, createRng(seed), sim.clock.now - 3_000 * 60_000);
  for (const e of articles) {
    a.library.set(e.url, e);
    a.engine.applyLocalChange(e);
  }
  await sim.quiesce();
  const status = a.engine.status();
  const bytes = dataBytes(a);
  const naive = articles.reduce((n, e) => n + JSON.stringify(e).length, 0) / articles.length;
  return {
    maxSyncedArticles: status.syncedCount,
    totalArticles: status.totalCount,
    uniqueUrls: new Set(articles.map((e) => e.url)).size,
    meanUrlChars: Math.round(articles.reduce((n, e) => n + e.url.length, 0) / articles.length),
    meanTitleChars: Math.round(articles.reduce((n, e) => n + e.title.length, 0) / articles.length),
    bytesPerArticle: Math.round((bytes / status.syncedCount) * 10) / 10,
    naiveJsonBytesPerArticle: Math.round(naive * 10) / 10,
    syncBytesUsed: a.storage.bytesInUse(),
    itemsUsed: a.storage.local.size,
    otherDeviceReceived: b.library.size,
    rejections: a.storage.rejections.length,
  };
}

async function burst(sources: Source[]) {
  const sim = new Simulation(seed + 1);
  const a = await sim.addDevice('a');
  const b = await sim.addDevice('b');
  const articles = makeArticles(300, sources, createRng(seed + 1), sim.clock.now - 300 * 60_000);
  const oracle = new EditOracle();
  for (const e of articles) oracle.record(a, e.url, sim.clock.now, () => a.save(e));
  await sim.quiesce();
  const writesBefore = a.storage.writeLog.length;
  const start = sim.clock.now;
  const rng = createRng(seed + 2);
  // 1,000 edits, 20 a second (a bulk "archive all" / tagging session).
  for (let n = 0; n < 1_000; n++) {
    const e = articles[Math.floor(rng() * articles.length)] as LibraryIndexEntry;
    const current = a.library.get(e.url);
    oracle.record(a, e.url, sim.clock.now, () => {
      if (n % 3 === 0) a.edit(e.url, { archived: !current?.archived });
      else if (n % 3 === 1) a.edit(e.url, { tags: [...new Set([...(current?.tags ?? []), TAGS[n % TAGS.length] as string])] });
      else a.edit(e.url, { progress: Math.round(rng() * 1000) / 1000 });
    });
    await sim.run(50);
  }
  const burstMs = sim.clock.now - start;
  await sim.quiesce();
  // And 1,000 edits at once (a bulk action in one tick).
  const instantBefore = a.storage.writeLog.length;
  for (let n = 0; n < 1_000; n++) {
    const e = articles[n % articles.length] as LibraryIndexEntry;
    oracle.record(a, e.url, sim.clock.now, () => a.edit(e.url, { favourite: !a.library.get(e.url)?.favourite }));
  }
  await sim.quiesce();
  const instantWrites = a.storage.writeLog.length - instantBefore;
  const lost = oracle.lostEdits([a, b], articles.map((e) => e.url));
  return {
    edits: 1_000,
    burstSeconds: burstMs / 1000,
    writeOperations: a.storage.writeLog.length - writesBefore - instantWrites,
    instantBurstWriteOperations: instantWrites,
    peakWritesPerMinute: a.storage.peakWritesPerMinute(),
    rejections: a.storage.rejections.length,
    converged: converged([a, b]),
    lostEdits: lost,
    problems: oracle.problems.slice(0, 5),
  };
}

async function scale(sources: Source[]) {
  const sim = new Simulation(seed + 3, 10_000);
  const devices: SimDevice[] = [];
  for (let i = 0; i < deviceCount; i++) devices.push(await sim.addDevice(`d${i}`, (i - 1) * 2_000));
  const rng = createRng(seed + 4);
  const pool = makeArticles(250, sources, rng, sim.clock.now - 250 * 60_000);
  const oracle = new EditOracle();
  const skew = (d: SimDevice) => (devices.indexOf(d) - 1) * 2_000;
  let done = 0;
  let offlineEvents = 0;
  while (done < changeCount) {
    const d = devices[Math.floor(rng() * devices.length)] as SimDevice;
    const roll = rng();
    if (roll < 0.004) {
      // Go offline for a while (minutes to hours), or come back.
      if (d.storage.online && devices.filter((x) => x.storage.online).length > 1) {
        d.goOffline();
        offlineEvents++;
      } else if (!d.storage.online) await d.goOnline();
      continue;
    }
    const src = pool[Math.floor(rng() * pool.length)] as LibraryIndexEntry;
    const current = d.library.get(src.url);
    oracle.record(d, src.url, sim.clock.now + skew(d), () => {
      if (!current || roll < 0.05) d.save({ ...src, savedAt: sim.clock.now });
      else if (roll < 0.08) d.remove(src.url);
      else if (roll < 0.4) d.edit(src.url, { progress: Math.round(rng() * 1000) / 1000 });
      else if (roll < 0.6) d.edit(src.url, { archived: !current.archived });
      else if (roll < 0.7) d.edit(src.url, { favourite: !current.favourite });
      else {
        const tag = TAGS[Math.floor(rng() * TAGS.length)] as string;
        d.edit(src.url, { tags: current.tags.includes(tag) ? current.tags.filter((t) => t !== tag) : [...current.tags, tag] });
      }
    });
    done++;
    await sim.run(Math.floor(rng() * 3_000));
  }
  for (const d of devices) if (!d.storage.online) await d.goOnline();
  const quiet = await sim.quiesce();
  const lost = oracle.lostEdits(devices, pool.map((e) => e.url));
  return {
    devices: deviceCount,
    changes: done,
    recordedWrites: oracle.writeCount,
    offlineEvents,
    simulatedHours: Math.round(((sim.clock.now - Date.UTC(2026, 10, 26, 12)) / 3_600_000) * 10) / 10,
    quiesced: quiet,
    converged: quiet && converged(devices),
    lostEdits: lost,
    problems: oracle.problems.slice(0, 5),
    peakWritesPerMinute: Math.max(...devices.map((d) => d.storage.peakWritesPerMinute())),
    rejections: devices.reduce((n, d) => n + d.storage.rejections.length, 0),
  };
}

async function main(): Promise<void> {
  const sources = loadSources();
  const t0 = performance.now();
  const cap = await capacity(sources);
  const b = await burst(sources);
  const s = await scale(sources);
  const seconds = (performance.now() - t0) / 1000;
  const rows: Array<[string, string | number | boolean]> = [
    ['max synced articles (of 3,000)', cap.maxSyncedArticles],
    ['bytes per article (engine encoding)', cap.bytesPerArticle],
    ['bytes per article (naive JSON)', cap.naiveJsonBytesPerArticle],
    ['storage.sync bytes used / items', `${cap.syncBytesUsed} / ${cap.itemsUsed} (quota ${QUOTA.bytes} / ${QUOTA.items}, 16 KiB kept for prefs)`],
    ['other device received', cap.otherDeviceReceived],
    ['burst: 1,000 edits over (s)', b.burstSeconds],
    ['burst: write operations', b.writeOperations],
    ['burst: 1,000 edits at once, write operations', b.instantBurstWriteOperations],
    ['burst: peak writes per minute', `${b.peakWritesPerMinute} (quota ${QUOTA.perMinute})`],
    ['burst: converged / lost edits', `${b.converged} / ${b.lostEdits}`],
    ['scale: devices / changes', `${s.devices} / ${s.changes} (${s.offlineEvents} offline periods, ${s.simulatedHours} h simulated)`],
    ['scale: converged / lost edits', `${s.converged} / ${s.lostEdits}`],
    ['scale: peak writes per minute', s.peakWritesPerMinute],
    ['quota rejections (all runs)', cap.rejections + b.rejections + s.rejections],
    ['wall time (s)', Math.round(seconds * 10) / 10],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  for (const p of [...b.problems, ...s.problems]) console.log('problem:', p);
  const result = {
    maxSyncedArticles: cap.maxSyncedArticles,
    bytesPerArticle: cap.bytesPerArticle,
    peakWritesPerMinute: Math.max(b.peakWritesPerMinute, s.peakWritesPerMinute),
    devices: s.devices,
    changes: s.changes,
    converged: b.converged && s.converged,
    lostEdits: b.lostEdits + s.lostEdits,
  };
  const write = (file: string, value: unknown) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
    console.log(`wrote ${file}`);
  };
  if (outFile) write(outFile, result);
  if (detailsFile) write(detailsFile, { ...result, details: { capacity: cap, burst: b, scale: s, seed, wallSeconds: Math.round(seconds * 10) / 10 } });
  if (result.peakWritesPerMinute >= QUOTA.perMinute || !result.converged || result.lostEdits > 0) {
    console.error(`bench:sync failed its bounds: ${JSON.stringify(result)}`);
    process.exitCode = 1;
  }
}

const only = arg("only", "");
if (only === "burst") console.log(await burst(loadSources()));
else if (only === "scale") console.log(await scale(loadSources()));
else if (only === "capacity") console.log(await capacity(loadSources()));
else await main();
