import type { SafeHtml } from '@/lib/sanitize';

interface SafeHtmlBlockProps {
  html: SafeHtml;
  className?: string;
  lang?: string | undefined;
  dir?: 'ltr' | 'rtl' | undefined;
}

/** The one place article HTML is written into a page; it accepts only the sanitizer's output. */
export function SafeHtmlBlock({ html, className, lang, dir }: SafeHtmlBlockProps) {
  return <div className={className} lang={lang} dir={dir} dangerouslySetInnerHTML={{ __html: html }} />;
}
