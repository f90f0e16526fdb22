import Dexie, { type DexieOptions, type Table } from 'dexie';
import { MIGRATIONS } from './migrations';
import {
  LIBRARY_DB_NAME,
  SCHEMA_STEPS,
  type ArticleRecord,
  type ContentRecord,
  type HighlightRecord,
  type ImageRecord,
  type MetaRecord,
  type TombstoneRecord,
  type TrashRecord,
} from './schema';

export interface LibraryDbOptions extends DexieOptions {
  /** Declare only the versions up to this one (tests build an old database, then upgrade it). */
  upToVersion?: number;
}

/** The library database (IndexedDB through Dexie). Its shape is declared in ./schema.ts only. */
export class LibraryDb extends Dexie {
  articles!: Table<ArticleRecord, string>;
  contents!: Table<ContentRecord, string>;
  trash!: Table<TrashRecord, string>;
  tombstones!: Table<TombstoneRecord, string>;
  highlights!: Table<HighlightRecord, string>;
  meta!: Table<MetaRecord, string>;
  images!: Table<ImageRecord, [string, string]>;

  constructor(name: string = LIBRARY_DB_NAME, { upToVersion, ...options }: LibraryDbOptions = {}) {
    super(name, options);
    for (const step of SCHEMA_STEPS) {
      if (upToVersion !== undefined && step.version > upToVersion) break;
      const version = this.version(step.version).stores(step.stores);
      const migrate = MIGRATIONS[step.version];
      if (migrate) version.upgrade(migrate);
    }
  }
}

let shared: LibraryDb | undefined;

/** The one connection an extension page or the background uses. */
export function libraryDb(): LibraryDb {
  shared ??= new LibraryDb();
  return shared;
}
