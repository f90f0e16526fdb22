/**
 * IndexedDB failures, translated for people. Library functions never throw at their boundary: they
 * return `StorageResult`, and the message says what happened and what to do.
 */

export type StorageFailureKind = 'quota' | 'unavailable' | 'blocked' | 'not-found' | 'invalid' | 'unknown';

export interface StorageFailure {
  kind: StorageFailureKind;
  /** A sentence for the user. */
  message: string;
  /** The underlying error, for logs. */
  detail: string;
}

export type StorageResult<T> = { ok: true; value: T } | { ok: false; error: StorageFailure };

const MESSAGES: Record<StorageFailureKind, string> = {
  quota: "Folio couldn't save: your browser's storage is full. Free disk space or delete old articles, then try again.",
  unavailable: 'Folio cannot open its library database (private browsing or a browser setting may block storage). Nothing was saved.',
  blocked: 'The library is being upgraded by a newer version of Folio and another Folio tab is holding it open. Reload or close other Folio tabs, then try again.',
  'not-found': 'That article is not in the library (it may have been deleted).',
  invalid: 'Folio could not store this item: its data is not valid.',
  unknown: 'Folio could not read or write its library database.',
};

function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner;
  }
  return names;
}

export function classifyStorageError(error: unknown): StorageFailureKind {
  const names = errorNames(error);
  const text = String((error as { message?: unknown })?.message ?? error);
  if (names.includes('QuotaExceededError') || /quota/i.test(text)) return 'quota';
  if (names.some((n) => ['TimeoutError', 'MissingAPIError', 'InvalidStateError', 'OpenFailedError', 'DatabaseClosedError', 'UnknownError'].includes(n))) {
    return 'unavailable';
  }
  if (names.includes('VersionError') || names.includes('BlockedError')) return 'blocked';
  if (names.includes('DataError') || names.includes('DataCloneError') || names.includes('ConstraintError')) return 'invalid';
  return 'unknown';
}

export function storageFailure(kind: StorageFailureKind, detail = ''): StorageFailure {
  return { kind, message: MESSAGES[kind], detail };
}

export function toStorageFailure(error: unknown): StorageFailure {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return storageFailure(classifyStorageError(error), detail);
}

/** Runs a storage operation and turns any thrown error into a typed failure. */
export async function attempt<T>(operation: () => Promise<T>): Promise<StorageResult<T>> {
  try {
    return { ok: true, value: await operation() };
  } catch (error) {
    return { ok: false, error: toStorageFailure(error) };
  }
}
