import { describe, expect, it } from 'vitest';
import { isWidgetLabel } from '@/lib/extract/rules/remove-widget-labels';
import { extractHtml, readFixture } from '../helpers/fixtures';

describe('remove-widget-labels: which lines are controls', () => {
  it.each(['Image 1 of 8', 'Image 1 of / 23', '3of4', 'Caption', 'Close', 'Media playback is unsupported on your device', 'Advertisement', 'Share Tweet Submit'])('%s', (line) => {
    expect(isWidgetLabel(line)).toBe(true);
  });

  it.each(['Close to two hundred people gathered', 'Chapter 1 of the report', 'The image caption was wrong', '1 of 3 shown in court'])('keeps "%s"', (line) => {
    expect(isWidgetLabel(line)).toBe(false);
  });
});

describe('remove-widget-labels on a page', () => {
  it('drops player notices, gallery counters, buttons and ad labels; keeps the caption and sentences using the same words', () => {
    const result = extractHtml(readFixture('rules', 'widget-labels.html'), 'https://news.example/world/assange');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const lines = result.article.textContent.split('\n');
    for (const label of ['Media playback is unsupported on your device', 'Image 1 of 8', 'Caption', 'Close', 'Advertisement', 'Media caption']) {
      expect(lines).not.toContain(label);
    }
    expect(result.article.textContent).not.toContain('Media caption');
    expect(result.article.textContent).toContain('Julian Assange being carried from the embassy in April');
    expect(result.article.textContent).toContain('Close to two hundred people gathered outside the court');
  });
});
