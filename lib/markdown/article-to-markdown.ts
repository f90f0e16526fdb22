import TurndownService from 'turndown';
import type { SafeHtml } from '../sanitize';

let service: TurndownService | undefined;

/** Markdown of sanitized article HTML (fenced code, ATX headings, `-` bullets). */
export function articleHtmlToMarkdown(html: SafeHtml): string {
  service ??= new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '_' });
  return service.turndown(html);
}
