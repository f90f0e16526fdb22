import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ReaderPartName } from './content/reader-parts';
import type { ExtractServiceProtocol } from './extract-service/messages';
import type { LibraryProtocol } from './library/messages';

/** What the detection script reports for its page. */
export interface DetectionReport {
  isArticle: boolean;
  score: number;
}

/**
 * The one message map between Folio's parts. Verb-noun names; every handler is registered once,
 * in the background (entrypoints/background/).
 */
export interface ProtocolMap extends LibraryProtocol, ExtractServiceProtocol {
  /** detect.content → background: this page is (not) an article; sets the toolbar badge. */
  reportDetection(report: DetectionReport): void;
  /** popup → background: open (or close) the reader on the active tab, as the toolbar button does. */
  openReader(): void;
  /** reader.js → background: inject one more of the reader's scripts into the sender's frame (lib/content/reader-parts.ts). */
  loadReaderPart(input: { part: ReaderPartName }): void;
  /** overlay → background: open the library (extension pages cannot be opened from a content script). */
  openLibrary(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
