import { utf8Length } from '../sync/byte-size';

/**
 * The reader's custom CSS. It only ever lands inside the overlay's shadow root and the saved-article
 * reader, so it cannot restyle the page; what is checked here is size (storage.sync allows 8 KiB an
 * item) and remote loads (`@import`, `url(http…)` would let a stylesheet call out from every page read).
 */
/** As stored (JSON-encoded, UTF-8). */
export const CUSTOM_CSS_MAX_BYTES = 6_144;

export type CustomCssCheck = { ok: true; css: string } | { ok: false; message: string };

const REMOTE_LOAD = /@import\b|url\(\s*['"]?\s*(?:https?:)?\/\//i;

export function checkCustomCss(css: string): CustomCssCheck {
  // Counted as stored: JSON, where a quote or backslash takes two bytes and a control character six.
  const bytes = utf8Length(JSON.stringify(css));
  if (bytes > CUSTOM_CSS_MAX_BYTES) {
    return { ok: false, message: `Custom CSS is ${bytes.toLocaleString('en')} bytes; the limit is ${CUSTOM_CSS_MAX_BYTES.toLocaleString('en')} bytes (it syncs with your settings).` };
  }
  if (REMOTE_LOAD.test(css)) {
    return { ok: false, message: 'Custom CSS cannot load anything from the web (@import or url(http…)); use local values or data: URLs.' };
  }
  return { ok: true, css };
}
