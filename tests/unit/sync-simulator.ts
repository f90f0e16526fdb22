/**
 * A multi-device storage.sync simulator for the sync engine's tests and benchmark.
 * - FakeClock: one global fake time with a timer queue (no real timers); devices may be skewed.
 * - FakeSyncStorage: one device's copy of storage.sync, enforcing Chrome's quotas with Chrome's error
 *   messages (bytes counted independently of the engine's own counter, as UTF-8 of key + JSON).
 * - SyncServer: orders writes per key (a version per write) and delivers them to other devices late,
 *   in random order, and not at all while a device is offline; a returning device uploads what it
 *   wrote offline, then catches up from the server's full state.
 */
import { createPrefixedArea, createSyncEngine, type LibraryIndexEntry, type PersistedSyncState, type RawSyncStorage, type StateStore, type SyncEngine, type Timers } from '../../lib/sync';

export const QUOTA = { bytes: 102_400, perItem: 8_192, items: 512, perMinute: 120, perHour: 1_800 };

const encoder = new TextEncoder();
const sizeOf = (key: string, value: unknown) => encoder.encode(key + JSON.stringify(value)).length;

/** Deterministic PRNG (mulberry32) so every simulation can be replayed from its seed. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export class FakeClock {
  now = Date.UTC(2026, 10, 26, 12, 0, 0);
  private seq = 0;
  private timers = new Map<number, { at: number; seq: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): number {
    const id = ++this.seq;
    this.timers.set(id, { at: this.now + Math.max(0, ms), seq: id, fn });
    return id;
  }

  clearTimeout(id: unknown): void {
    this.timers.delete(id as number);
  }

  nextTimerAt(): number | null {
    let next: number | null = null;
    for (const t of this.timers.values()) if (next === null || t.at < next) next = t.at;
    return next;
  }

  /** Runs every timer due up to `time` in order, letting promise chains settle after each. */
  async advanceTo(time: number): Promise<void> {
    for (;;) {
      let due: { id: number; at: number; seq: number; fn: () => void } | null = null;
      for (const [id, t] of this.timers) if (t.at <= time && (!due || t.at < due.at || (t.at === due.at && t.seq < due.seq))) due = { id, ...t };
      if (!due) break;
      this.timers.delete(due.id);
      this.now = Math.max(this.now, due.at);
      due.fn();
      await settle();
    }
    this.now = Math.max(this.now, time);
    await settle();
  }

  timersFor(skewMs: number): Timers {
    return { now: () => this.now + skewMs, setTimeout: (fn, ms) => this.setTimeout(fn, ms), clearTimeout: (h) => this.clearTimeout(h) };
  }
}

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => void;
interface Versioned {
  value: unknown;
  version: number;
}

export class FakeSyncStorage implements RawSyncStorage {
  readonly local = new Map<string, Versioned>();
  private readonly listeners = new Set<Listener>();
  /** Times of accepted write operations (set/remove calls). */
  readonly writeLog: number[] = [];
  readonly rejections: string[] = [];
  online = true;
  outbox: Array<{ key: string; value: unknown }> = [];

  constructor(readonly name: string, private readonly clock: FakeClock, private readonly server: SyncServer) {}

  async get(keys?: null | string | string[]): Promise<Record<string, unknown>> {
    const wanted = keys == null ? null : new Set(Array.isArray(keys) ? keys : [keys]);
    const out: Record<string, unknown> = {};
    for (const [key, { value }] of this.local) if (!wanted || wanted.has(key)) out[key] = structuredClone(value);
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.checkRate();
    let total = 0;
    const next = new Map([...this.local].map(([k, v]) => [k, v.value]));
    for (const [key, value] of Object.entries(items)) {
      if (sizeOf(key, value) > QUOTA.perItem) this.reject('QUOTA_BYTES_PER_ITEM quota exceeded');
      next.set(key, value);
    }
    for (const [key, value] of next) total += sizeOf(key, value);
    if (total > QUOTA.bytes) this.reject('QUOTA_BYTES quota exceeded');
    if (next.size > QUOTA.items) this.reject('MAX_ITEMS quota exceeded');
    this.writeLog.push(this.clock.now);
    this.commit(Object.entries(items).map(([key, value]) => ({ key, value: structuredClone(value) })));
  }

  async remove(keys: string | string[]): Promise<void> {
    this.checkRate();
    this.writeLog.push(this.clock.now);
    const list = (Array.isArray(keys) ? keys : [keys]).filter((k) => this.local.has(k));
    this.commit(list.map((key) => ({ key, value: undefined })));
  }

  addChangeListener(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  bytesInUse(): number {
    let total = 0;
    for (const [key, { value }] of this.local) total += sizeOf(key, value);
    return total;
  }

  /** Highest number of accepted writes in any 60-second window. */
  peakWritesPerMinute(): number {
    let peak = 0;
    let start = 0;
    for (let end = 0; end < this.writeLog.length; end++) {
      while ((this.writeLog[end] as number) - (this.writeLog[start] as number) >= 60_000) start++;
      peak = Math.max(peak, end - start + 1);
    }
    return peak;
  }

  /** A change from the server (another device's write). Older versions than ours are ignored. */
  receive(key: string, value: unknown, version: number): void {
    const mine = this.local.get(key);
    if (mine && mine.version >= version) return;
    const oldValue = mine?.value;
    if (value === undefined) this.local.delete(key);
    else this.local.set(key, { value, version });
    this.fire({ [key]: { oldValue, newValue: value === undefined ? undefined : structuredClone(value) } });
  }

  private commit(changes: Array<{ key: string; value: unknown }>): void {
    const events: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const { key, value } of changes) {
      const oldValue = this.local.get(key)?.value;
      if (value === undefined) this.local.delete(key);
      else this.local.set(key, { value, version: Number.MAX_SAFE_INTEGER }); // until the server numbers it
      events[key] = { oldValue, newValue: value };
    }
    if (this.online) this.server.accept(this, changes);
    else this.outbox.push(...changes);
    this.fire(events);
  }

  /** The server numbered our write: record its version so older deliveries are ignored. */
  numbered(key: string, version: number): void {
    const mine = this.local.get(key);
    if (mine) mine.version = version;
  }

  private fire(events: Record<string, { oldValue?: unknown; newValue?: unknown }>): void {
    if (Object.keys(events).length === 0) return;
    for (const l of this.listeners) l(structuredClone(events));
  }

  private checkRate(): void {
    const now = this.clock.now;
    const lastMinute = this.writeLog.filter((t) => now - t < 60_000).length;
    const lastHour = this.writeLog.filter((t) => now - t < 3_600_000).length;
    if (lastMinute >= QUOTA.perMinute) this.reject('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    if (lastHour >= QUOTA.perHour) this.reject('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded');
  }

  private reject(message: string): never {
    this.rejections.push(message);
    throw new Error(message);
  }
}

interface InFlight {
  to: FakeSyncStorage;
  key: string;
  value: unknown;
  version: number;
  deliverAt: number;
}

export class SyncServer {
  readonly items = new Map<string, Versioned>();
  private version = 0;
  readonly storages: FakeSyncStorage[] = [];
  inFlight: InFlight[] = [];

  constructor(private readonly clock: FakeClock, private readonly rng: () => number, readonly maxDelayMs = 5_000) {}

  accept(from: FakeSyncStorage, changes: Array<{ key: string; value: unknown }>): void {
    for (const { key, value } of changes) {
      const version = ++this.version;
      if (value === undefined) this.items.delete(key);
      else this.items.set(key, { value, version });
      from.numbered(key, version);
      for (const to of this.storages) {
        if (to === from || !to.online) continue; // offline devices catch up on return
        this.inFlight.push({ to, key, value, version, deliverAt: this.clock.now + Math.floor(this.rng() * this.maxDelayMs) });
      }
    }
  }

  /** Delivers everything due, in random order (out-of-order delivery). */
  deliverDue(): number {
    const due = this.inFlight.filter((m) => m.deliverAt <= this.clock.now && m.to.online);
    this.inFlight = this.inFlight.filter((m) => !due.includes(m));
    for (let i = due.length - 1; i > 0; i--) {
      const j = Math.floor(this.rng() * (i + 1));
      [due[i], due[j]] = [due[j] as InFlight, due[i] as InFlight];
    }
    for (const m of due) m.to.receive(m.key, m.value, m.version);
    return due.length;
  }

  nextDeliveryAt(): number | null {
    let next: number | null = null;
    for (const m of this.inFlight) if (m.to.online && (next === null || m.deliverAt < next)) next = m.deliverAt;
    return next;
  }

  goOffline(storage: FakeSyncStorage): void {
    storage.online = false;
    this.inFlight = this.inFlight.filter((m) => m.to !== storage);
  }

  /** Upload what was written offline, then bring the device's copy up to the server's state. */
  goOnline(storage: FakeSyncStorage): void {
    storage.online = true;
    const outbox = storage.outbox;
    storage.outbox = [];
    if (outbox.length > 0) this.accept(storage, outbox);
    for (const [key, item] of this.items) storage.receive(key, item.value, item.version);
    for (const key of [...storage.local.keys()]) if (!this.items.has(key)) storage.receive(key, undefined, Number.MAX_SAFE_INTEGER);
  }
}

/** One device: its storage.sync copy, its engine, and its library (what the user sees). */
export class SimDevice {
  readonly storage: FakeSyncStorage;
  engine: SyncEngine;
  readonly library = new Map<string, LibraryIndexEntry>();

  constructor(readonly name: string, readonly sim: Simulation, private readonly skewMs: number, private readonly store?: StateStore) {
    this.storage = new FakeSyncStorage(name, sim.clock, sim.server);
    sim.server.storages.push(this.storage);
    this.engine = this.createEngine();
  }

  private createEngine(): SyncEngine {
    const engine = createSyncEngine({ area: createPrefixedArea(this.storage), timers: this.sim.clock.timersFor(this.skewMs), store: this.store });
    engine.onRemoteState((changes) => this.applyToLibrary(changes));
    return engine;
  }

  async start(): Promise<void> {
    this.applyToLibrary(await this.engine.start());
  }

  /** The extension restarts (e.g. the service worker stops): a new engine over the same storage. */
  async restart(): Promise<void> {
    await this.engine.idle();
    this.engine.stop();
    this.engine = this.createEngine();
    await this.start();
  }

  private applyToLibrary(changes: LibraryIndexEntry[]): void {
    for (const c of changes) {
      if (c.deleted) this.library.delete(c.url);
      else this.library.set(c.url, c);
    }
  }

  /** The user saves an article on this device. */
  save(entry: Omit<LibraryIndexEntry, 'deleted' | 'savedAt'> & { savedAt?: number }): LibraryIndexEntry {
    const saved: LibraryIndexEntry = { ...entry, savedAt: entry.savedAt ?? this.sim.clock.now, deleted: false };
    this.library.set(saved.url, saved);
    this.engine.applyLocalChange(saved);
    return saved;
  }

  /** The user edits an article this device shows; returns false when it is not in the library. */
  edit(url: string, patch: Partial<Omit<LibraryIndexEntry, 'url' | 'deleted'>>): boolean {
    const current = this.library.get(url);
    if (!current) return false;
    const next = { ...current, ...patch };
    this.library.set(url, next);
    this.engine.applyLocalChange(next);
    return true;
  }

  remove(url: string): void {
    const current = this.library.get(url);
    this.library.delete(url);
    this.engine.applyLocalChange({ ...(current ?? blankEntry(url)), deleted: true });
  }

  goOffline(): void {
    this.sim.server.goOffline(this.storage);
  }

  async goOnline(): Promise<void> {
    this.sim.server.goOnline(this.storage);
    this.applyToLibrary(await this.engine.resync());
    await this.sim.clock.advanceTo(this.sim.clock.now);
  }
}

export function blankEntry(url: string): LibraryIndexEntry {
  return { url, title: '', site: '', savedAt: 0, tags: [], archived: false, favourite: false, progress: 0, deleted: false };
}

export class Simulation {
  readonly clock = new FakeClock();
  readonly rng: () => number;
  readonly server: SyncServer;
  readonly devices: SimDevice[] = [];

  constructor(seed = 1, maxDelayMs = 5_000) {
    this.rng = createRng(seed);
    this.server = new SyncServer(this.clock, this.rng, maxDelayMs);
  }

  /** A device whose browser already holds storage.sync's current data (or none, when `offline`). */
  async addDevice(name: string, skewMs = 0, store?: StateStore, options: { offline?: boolean } = {}): Promise<SimDevice> {
    const device = new SimDevice(name, this, skewMs, store);
    if (options.offline) device.storage.online = false;
    else for (const [key, item] of this.server.items) device.storage.local.set(key, { value: structuredClone(item.value), version: item.version });
    this.devices.push(device);
    await device.start();
    return device;
  }

  /** Advances time by `ms`, delivering messages and running timers as they fall due. */
  async run(ms: number): Promise<void> {
    const end = this.clock.now + ms;
    for (;;) {
      this.server.deliverDue();
      await this.clock.advanceTo(this.clock.now);
      const next = Math.min(this.clock.nextTimerAt() ?? Infinity, this.server.nextDeliveryAt() ?? Infinity);
      if (next > end) break;
      await this.clock.advanceTo(Math.max(next, this.clock.now));
    }
    await this.clock.advanceTo(end);
  }

  /** Runs until nothing is in flight and no timer is pending (or gives up after `limitMs`). */
  async quiesce(limitMs = 6 * 3_600_000): Promise<boolean> {
    const end = this.clock.now + limitMs;
    while (this.clock.now < end) {
      this.server.deliverDue();
      await this.clock.advanceTo(this.clock.now);
      const next = Math.min(this.clock.nextTimerAt() ?? Infinity, this.server.nextDeliveryAt() ?? Infinity);
      if (next === Infinity) return true;
      await this.clock.advanceTo(Math.max(next, this.clock.now));
    }
    return false;
  }
}

/** storage.local stand-in for the engine's own state (JSON round-trip, like the real store). */
export function memoryStateStore(): StateStore & { saves: number } {
  let saved: string | null = null;
  const store = {
    saves: 0,
    async load() {
      return saved === null ? null : (JSON.parse(saved) as PersistedSyncState);
    },
    async save(state: PersistedSyncState) {
      saved = JSON.stringify(state);
      store.saves++;
    },
  };
  return store;
}
