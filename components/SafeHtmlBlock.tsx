import { useLayoutEffect, useRef } from 'react';
import type { SafeHtml } from '@/lib/sanitize';
import { writeInSlices } from './safe-html-slices';

/**
 * Bodies longer than this (characters of HTML, about 15,000 words of prose) are written a slice per
 * frame (safe-html-slices.ts); shorter ones in one go, as they always were.
 */
export const SLICED_MIN_HTML = 100_000;

interface SafeHtmlBlockProps {
  html: SafeHtml;
  className?: string;
  lang?: string | undefined;
  dir?: 'ltr' | 'rtl' | undefined;
  /** Called once all of `html` is in the page (for a long body, after its last slice). */
  onRendered?: (() => void) | undefined;
}

/** The one place article HTML is written into a page; it accepts only the sanitizer's output. */
export function SafeHtmlBlock({ html, className, lang, dir, onRendered }: SafeHtmlBlockProps) {
  // Which way is chosen once per block: a change of way remounts it (React's HTML or slices, never both).
  const sliced = html.length > SLICED_MIN_HTML;
  return sliced ? (
    <SlicedHtml key="sliced" html={html} className={className} lang={lang} dir={dir} onRendered={onRendered} />
  ) : (
    <WholeHtml key="whole" html={html} className={className} lang={lang} dir={dir} onRendered={onRendered} />
  );
}

function WholeHtml({ html, className, lang, dir, onRendered }: SafeHtmlBlockProps) {
  const rendered = useLatest(onRendered);
  useLayoutEffect(() => rendered.current?.(), [html, rendered]);
  return <div className={className} lang={lang} dir={dir} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** React renders an empty element and never touches its children; the slices fill it. Busy until full. */
function SlicedHtml({ html, className, lang, dir, onRendered }: SafeHtmlBlockProps) {
  const element = useRef<HTMLDivElement>(null);
  const shown = useRef<string | null>(null);
  const rendered = useLatest(onRendered);
  // A layout effect: the first slice is in before the first paint, so the article appears at once.
  useLayoutEffect(() => {
    const container = element.current;
    if (!container) return;
    container.setAttribute('aria-busy', 'true');
    const cancel = writeInSlices(container, html, shown.current, () => {
      shown.current = html;
      container.removeAttribute('aria-busy');
      rendered.current?.();
    });
    return () => {
      cancel();
      // Interrupted: what the container holds is no longer a whole `html` to append to.
      if (shown.current !== html) shown.current = null;
    };
  }, [html, rendered]);
  return <div ref={element} className={className} lang={lang} dir={dir} />;
}

/** The latest value of a callback for an effect that must not rerun when the callback changes. */
function useLatest<T>(value: T) {
  const latest = useRef(value);
  useLayoutEffect(() => {
    latest.current = value;
  });
  return latest;
}
