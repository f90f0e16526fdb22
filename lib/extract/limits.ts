/**
 * The pipeline's size limit, in a module of its own so the reader's first script (which only decides
 * where a page is read, entrypoints/reader.content/) can know it without carrying the pipeline.
 */
export const DEFAULT_MAX_ELEMENTS = 60_000;
