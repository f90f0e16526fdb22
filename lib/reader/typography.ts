import type { ReaderPrefs } from '../storage/prefs';

/** The font stacks: system fonts only, nothing is downloaded. */
export const FONT_STACKS: Record<ReaderPrefs['font'], string> = {
  serif: 'Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Noto Serif", serif',
  sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
};

/** CSS custom properties the reader stylesheet reads (components/reader.css). */
export function typographyStyle(prefs: ReaderPrefs): Record<string, string> {
  return {
    '--folio-font': FONT_STACKS[prefs.font],
    '--folio-font-size': `${prefs.fontSize}px`,
    '--folio-line-width': `${prefs.lineWidth}ch`,
    '--folio-line-height': String(Math.round(prefs.lineHeight * 100) / 100),
  };
}
