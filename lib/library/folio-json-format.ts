import { z } from 'zod';
import { SYNCED_FIELDS } from '../storage/schema';

/**
 * Folio's own export format, lossless: every article record as stored, its body and its highlights.
 * `version` is the format's version (independent of the database schema); importing re-sanitizes bodies.
 */
export const FOLIO_EXPORT_FORMAT = 'folio-library';
export const FOLIO_EXPORT_VERSION = 1;

const flag = z.union([z.literal(0), z.literal(1)]);
const nullableString = z.string().nullable();

export const exportedRecordSchema = z.object({
  id: z.string().min(1),
  url: z.string().min(1),
  title: z.string(),
  titleKey: z.string(),
  byline: nullableString,
  siteName: nullableString,
  siteIcon: nullableString,
  publishedTime: nullableString,
  lang: nullableString,
  dir: z.enum(['ltr', 'rtl']).nullable(),
  excerpt: nullableString,
  leadImage: nullableString,
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().nonnegative(),
  savedAt: z.number(),
  tags: z.array(z.string()),
  archived: flag,
  favourite: flag,
  read: flag,
  readAt: z.number().nullable(),
  // listenParagraph: where read-aloud stopped (absent: from the start); kept so the export is lossless.
  progress: z.object({ percent: z.number().min(0).max(100), scrollY: z.number().nonnegative(), listenParagraph: z.number().int().nonnegative().optional() }),
  contentState: z.enum(['stored', 'pending', 'failed']),
  contentError: nullableString,
  source: z.enum(['save', 'pocket', 'instapaper', 'netscape', 'folio']),
  updatedAt: z.number(),
  fieldUpdatedAt: z.object(Object.fromEntries(SYNCED_FIELDS.map((field) => [field, z.number()])) as Record<(typeof SYNCED_FIELDS)[number], z.ZodNumber>),
});

export const exportedHighlightSchema = z.object({
  id: z.string().min(1),
  articleId: z.string().min(1),
  selector: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
  position: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }),
  color: z.string(),
  note: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const exportedArticleSchema = z.object({
  record: exportedRecordSchema,
  content: z.string().nullable(),
  textContent: z.string().nullable(),
  highlights: z.array(exportedHighlightSchema),
});

export const folioExportHeaderSchema = z.object({
  format: z.literal(FOLIO_EXPORT_FORMAT),
  version: z.literal(FOLIO_EXPORT_VERSION),
  exportedAt: z.string(),
  articles: z.array(z.unknown()),
});

export type ExportedArticle = z.infer<typeof exportedArticleSchema>;
