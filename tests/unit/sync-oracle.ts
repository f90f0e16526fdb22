/**
 * The "no lost edit" oracle shared by the convergence property test and the benchmark.
 * It records every local write (the registers a device's own change stamped, read synchronously
 * around the change), then checks the converged state. A lost edit is:
 * - a field or tag whose final register is not the latest write to it (latest by stamp, ties by
 *   value), unless a delete at least as new reset it; or
 * - an article whose latest save is newer than its latest delete but is missing from a library
 *   (or present although a delete is newest).
 * It also checks that each write is stamped after everything its device had seen (causality) and
 * no earlier than the device's own clock (so "latest" means latest in time, up to clock skew).
 */
import { SYNC_EPOCH_MS, type Register, type SyncEntry } from '../../lib/sync';
import type { SimDevice } from './sync-simulator';

const FIELDS = ['saved', 'title', 'site', 'archived', 'favourite', 'progress'] as const;

interface Write {
  key: string;
  v: unknown;
  t: number;
}

export function registersOf(e: SyncEntry | undefined): Map<string, Register<unknown>> {
  const out = new Map<string, Register<unknown>>();
  if (!e) return out;
  for (const f of FIELDS) out.set(f, e[f]);
  for (const [tag, r] of Object.entries(e.tags)) out.set(`tag:${tag}`, r);
  return out;
}

function later(a: Write, b: Write): boolean {
  if (a.t !== b.t) return a.t > b.t;
  if (typeof a.v === 'number' && typeof b.v === 'number') return a.v > b.v;
  if (typeof a.v === 'boolean' && typeof b.v === 'boolean') return a.v && !b.v;
  return String(a.v) > String(b.v);
}

export const entryOf = (d: SimDevice, url: string) => d.engine.entries().find((e) => e.url === url);

export class EditOracle {
  private readonly writes = new Map<string, Write[]>();
  private readonly deletes = new Map<string, number>();
  readonly problems: string[] = [];
  writeCount = 0;

  /** Wraps one local change on `device` to `url`, recording the writes it made. */
  record(device: SimDevice, url: string, deviceNowMs: number, change: () => void): void {
    const before = entryOf(device, url);
    const beforeRegs = registersOf(before);
    change();
    const after = entryOf(device, url);
    if (after && after.deletedAt > (before?.deletedAt ?? 0)) {
      this.deletes.set(url, Math.max(this.deletes.get(url) ?? 0, after.deletedAt));
      this.writeCount++;
    }
    const seen = Math.max(before?.deletedAt ?? 0, ...[...beforeRegs.values()].map((r) => r.t));
    for (const [key, r] of registersOf(after)) {
      if (r.t <= (beforeRegs.get(key)?.t ?? 0)) continue;
      if (r.t <= seen) this.problems.push(`${url} ${key}: stamp ${r.t} not after seen ${seen}`);
      if (r.t < deviceNowMs - SYNC_EPOCH_MS) this.problems.push(`${url} ${key}: stamp ${r.t} behind the device clock`);
      const list = this.writes.get(url) ?? [];
      list.push({ key, v: r.v, t: r.t });
      this.writes.set(url, list);
      this.writeCount++;
    }
  }

  /** Checks converged devices; returns the number of lost edits (details in `problems`). */
  lostEdits(devices: SimDevice[], urls: Iterable<string>): number {
    let lost = 0;
    const reference = devices[0] as SimDevice;
    for (const url of urls) {
      const deletedAt = this.deletes.get(url) ?? 0;
      const winners = new Map<string, Write>();
      for (const w of this.writes.get(url) ?? []) {
        const best = winners.get(w.key);
        if (!best || later(w, best)) winners.set(w.key, w);
      }
      const finalRegs = registersOf(entryOf(reference, url));
      for (const [key, w] of winners) {
        const r = finalRegs.get(key);
        const ok = w.t > deletedAt ? r?.t === w.t && r.v === w.v : (r?.t ?? 0) === 0;
        if (!ok) {
          lost++;
          this.problems.push(`${url} ${key}: expected ${JSON.stringify(w)} (deletedAt ${deletedAt}), got ${JSON.stringify(r)}`);
        }
      }
      const live = (winners.get('saved')?.t ?? 0) > deletedAt;
      const value = (key: string, bottom: unknown) => ((winners.get(key)?.t ?? 0) > deletedAt ? winners.get(key)?.v : bottom);
      for (const d of devices) {
        const shown = d.library.get(url);
        if (live !== (shown !== undefined)) {
          lost++;
          this.problems.push(`${d.name} ${url}: expected ${live ? 'present' : 'absent'}`);
          continue;
        }
        if (!shown) continue;
        const tags = [...winners.keys()].filter((k) => k.startsWith('tag:') && value(k, false) === true).map((k) => k.slice(4)).sort();
        const expected = { archived: value('archived', false), favourite: value('favourite', false), progress: (value('progress', 0) as number) / 1000, title: value('title', ''), tags };
        const actual = { archived: shown.archived, favourite: shown.favourite, progress: shown.progress, title: shown.title, tags: [...shown.tags].sort() };
        if (JSON.stringify(expected) !== JSON.stringify(actual)) {
          lost++;
          this.problems.push(`${d.name} ${url}: shows ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
        }
      }
    }
    return lost;
  }
}

/** Same replicated state and same library (savedAt at sync's one-second precision) on every device. */
export function converged(devices: SimDevice[]): boolean {
  const sortKeys = (_k: string, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v;
  const state = (d: SimDevice) => JSON.stringify(d.engine.entries().sort((a, b) => (a.url < b.url ? -1 : 1)), sortKeys);
  const library = (d: SimDevice) =>
    JSON.stringify(
      [...d.library.values()]
        .map((e) => [e.url, e.title, e.site, Math.floor(e.savedAt / 1000), [...e.tags].sort(), e.archived, e.favourite, e.progress])
        .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    );
  const [first, ...rest] = devices;
  if (!first) return true;
  return rest.every((d) => state(d) === state(first) && library(d) === library(first));
}
