import { IDBDatabase as FDBDatabase, IDBObjectStore as FDBObjectStore } from 'fake-indexeddb';

/**
 * Faults injected into fake-indexeddb itself (below Dexie), so tests see what a real browser does when
 * its disk quota runs out in the middle of a write: the Nth `put`/`add` on any store throws
 * QuotaExceededError. Also records every transaction opened, with its scope and mode (only on
 * connections opened after installing: Dexie binds `transaction` when it opens).
 */

type WriteMethod = 'put' | 'add';

export interface QuotaFault {
  /** Writes attempted since install (including the failing one). */
  writes: { store: string; method: WriteMethod }[];
  transactions: { stores: string[]; mode: string }[];
  restore(): void;
}

export function failWriteWithQuota(nth: number): QuotaFault {
  return interceptWrite(nth, () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}

/** Runs `action` just before the Nth write reaches the store (it may throw, or close the connection). */
export function interceptWrite(nth: number, action: (store: IDBObjectStore) => void): QuotaFault {
  const proto = FDBObjectStore.prototype as unknown as Record<WriteMethod, (...args: unknown[]) => unknown> & { name: string };
  const dbProto = FDBDatabase.prototype as unknown as { transaction: (...args: unknown[]) => unknown };
  const originals = { put: proto.put, add: proto.add, transaction: dbProto.transaction };
  const fault: QuotaFault = {
    writes: [],
    transactions: [],
    restore() {
      proto.put = originals.put;
      proto.add = originals.add;
      dbProto.transaction = originals.transaction;
    },
  };
  for (const method of ['put', 'add'] as const) {
    proto[method] = function (this: { name: string }, ...args: unknown[]) {
      fault.writes.push({ store: this.name, method });
      if (fault.writes.length === nth) action(this as unknown as IDBObjectStore);
      return originals[method].apply(this, args);
    };
  }
  dbProto.transaction = function (this: unknown, stores: unknown, mode?: unknown, ...rest: unknown[]) {
    fault.transactions.push({ stores: ([] as string[]).concat(stores as string | string[]).sort(), mode: String(mode ?? 'readonly') });
    return originals.transaction.call(this, stores, mode, ...rest);
  };
  return fault;
}
