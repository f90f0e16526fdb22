import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Page } from '@playwright/test';
import { READER, expect, test } from './harness/fixtures';

const ARTICLE = 'reading/long-article.html';

async function openArticle(page: Page, folio: { pressToolbarButton(page: Page): Promise<void> }, url: string) {
  await page.goto(url);
  await folio.pressToolbarButton(page);
  await expect(page.locator(`${READER} .folio-body h2`).first()).toBeVisible();
}

/** Selects `phrase` inside the overlay's article with the mouse, as a person would. */
async function selectWithMouse(page: Page, phrase: string) {
  const box = await page.evaluate((wanted) => {
    // In the overlay the article is inside Folio's shadow root; on the saved-article page it is not.
    const body = (document.querySelector('folio-reader')?.shadowRoot ?? document).querySelector('.folio-body')!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rects = range.getClientRects();
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error(`not in the article: ${wanted}`);
  }, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

/** Runs code in the content script's isolated world, where the overlay's JavaScript lives. */
async function contentScriptWorld(page: Page, extensionId: string) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as never));
  await cdp.send('Runtime.enable');
  const isFolio = (candidate: (typeof contexts)[number]) => candidate.auxData?.type === 'isolated' && candidate.origin.includes(extensionId);
  await expect.poll(() => contexts.some(isFolio), { message: 'the content script world' }).toBe(true);
  const contextId = contexts.findLast(isFolio)!.id;
  return {
    async run(expression: string): Promise<unknown> {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    },
    detach: () => cdp.detach(),
  };
}

test.describe('reading tools in the overlay', () => {
  test('select text, highlight it with a note, see it in the side panel', async ({ folio, server, page }) => {
    await openArticle(page, folio, server.url(ARTICLE));
    const reader = page.locator(READER);
    await selectWithMouse(page, 'a crack that nobody measured');
    await reader.getByRole('button', { name: 'Highlight green' }).click();
    const mark = reader.locator('.folio-body mark.folio-highlight');
    await expect(mark).toHaveText(['a crack that nobody measured']);
    await expect(mark).toHaveAttribute('data-color', 'green');
    await reader.getByRole('textbox', { name: 'Note' }).fill('Measure everything.');
    await reader.getByRole('button', { name: 'Close highlight menu' }).click();
    await reader.getByRole('button', { name: /^Highlights/ }).click();
    const panel = reader.getByRole('complementary', { name: 'Highlights' });
    await expect(panel.locator('blockquote')).toHaveText('a crack that nobody measured');
    await expect(panel).toContainText('Measure everything.');
    await expect(panel).toContainText('not saved');
    await panel.getByRole('button', { name: /^Delete highlight/ }).click();
    await expect(mark).toHaveCount(0);
  });

  test('the table of contents jumps to the right section and marks it current', async ({ folio, server, page }) => {
    await openArticle(page, folio, server.url(ARTICLE));
    const reader = page.locator(READER);
    await reader.getByRole('button', { name: 'Contents' }).click();
    const toc = reader.getByRole('navigation', { name: 'Contents' });
    await expect(toc.getByRole('link')).toHaveText(['Why bridges fail', 'The Tacoma Narrows lesson', 'Inspection and maintenance', 'What comes next']);
    await toc.getByRole('link', { name: 'Inspection and maintenance' }).click();
    const heading = reader.locator('.folio-body h2', { hasText: 'Inspection and maintenance' });
    await expect.poll(() => heading.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(140);
    expect(await heading.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThan(40);
    await expect(toc.getByRole('link', { name: 'Inspection and maintenance' })).toHaveAttribute('aria-current', 'location');
    await expect(reader.locator('.folio-minutes-left')).toHaveText(/min left|Done/);
  });

  test('a footnote opens beside its reference and closes with the keyboard, focus returning', async ({ folio, server, page }) => {
    await openArticle(page, folio, server.url(ARTICLE));
    const reader = page.locator(READER);
    const reference = reader.locator('.folio-body sup a').first();
    await reference.focus();
    await page.keyboard.press('Enter');
    const note = reader.getByRole('dialog', { name: 'Footnote 1' });
    await expect(note).toContainText('According to the national transport survey of 2019.');
    await expect(note).not.toContainText('↩');
    await expect(note).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(note).toHaveCount(0);
    await expect(page.locator(READER)).toBeVisible();
    await expect(reference).toBeFocused();
  });

  test('read-aloud: a stubbed engine’s word boundaries drive the word mark; keys play, pause and move', async ({ folio, server, page }) => {
    await openArticle(page, folio, server.url(ARTICLE));
    const reader = page.locator(READER);
    const world = await contentScriptWorld(page, folio.extensionId);
    // Replace the engine inside the content script's world, where Folio's code calls it.
    await world.run(
      `(() => {
        const log = (globalThis.__speech = { spoken: [], current: null, calls: [] });
        const voices = [
          { name: 'Test Deutsch', lang: 'de-DE', default: true, localService: true, voiceURI: 'test-de' },
          { name: 'Test English', lang: 'en-GB', default: false, localService: true, voiceURI: 'test-en' },
        ];
        globalThis.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ''; this.rate = 1; this.voice = null; } };
        Object.assign(speechSynthesis, {
          getVoices: () => voices,
          speak: (u) => { log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name, rate: u.rate }); log.current = u; log.calls.push('speak'); },
          cancel: () => log.calls.push('cancel'),
          pause: () => log.calls.push('pause'),
          resume: () => log.calls.push('resume'),
        });
        speechSynthesis.dispatchEvent(new Event('voiceschanged'));
      })()`,
    );
    const speech = () => world.run('JSON.parse(JSON.stringify({ spoken: __speech.spoken, calls: __speech.calls }))') as Promise<{ spoken: Array<{ text: string; lang: string; voice: string | null; rate: number }>; calls: string[] }>;
    const fire = (js: string) => world.run(js);

    await reader.getByRole('button', { name: 'Listen' }).click();
    await expect.poll(async () => (await speech()).spoken[0]).toEqual({ text: 'Bridges carry millions of people every day, and almost nobody thinks about them.', lang: 'en-GB', voice: 'Test English', rate: 1 });
    const speaking = reader.locator('.folio-body mark.folio-speaking');
    await fire(`__speech.current.onstart({})`);
    await expect(speaking).toHaveText(['Bridges carry millions of people every day, and almost nobody thinks about them.']);
    await fire(`__speech.current.onboundary({ name: 'word', charIndex: 8, charLength: 5 })`);
    await expect(speaking).toHaveText(['carry']);
    await fire(`__speech.current.onboundary({ name: 'word', charIndex: 14 })`);
    await expect(speaking).toHaveText(['millions']);
    // Next sentence, then the next paragraph (a heading), by the engine finishing utterances.
    await fire(`__speech.current.onend({})`);
    await expect.poll(async () => (await speech()).spoken.at(-1)?.text).toBe('That is a sign of success, until the day it is not.');
    await fire(`__speech.current.onend({})`);
    await expect.poll(async () => (await speech()).spoken.at(-1)?.text).toBe('Why bridges fail');
    // Keys: space pauses and plays, the right arrow moves to the next paragraph.
    await reader.locator('.folio-listen-where').click();
    await page.keyboard.press('Space');
    await expect(reader.getByRole('button', { name: 'Play' })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(reader.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await speech()).spoken.at(-1)?.text).toMatch(/^Engineers have studied bridge failures/);
    expect((await speech()).calls).toEqual(expect.arrayContaining(['pause', 'resume']));
    // Captions and code are skipped; closing the overlay stops speech.
    expect((await speech()).spoken.map((s) => s.text).join(' ')).not.toContain('Photo:');
    const cancelsBefore = (await speech()).calls.filter((call) => call === 'cancel').length;
    await page.keyboard.press('Escape');
    await expect(page.locator('folio-reader')).toHaveCount(0);
    expect((await speech()).calls.filter((call) => call === 'cancel').length).toBeGreaterThan(cancelsBefore);
    await world.detach();
  });

  test('read-aloud calls the real speechSynthesis with the sentence and the article’s voice', async ({ folio, server, page }) => {
    await openArticle(page, folio, server.url(ARTICLE));
    const world = await contentScriptWorld(page, folio.extensionId);
    await world.run(
      `(() => {
        const real = speechSynthesis.speak.bind(speechSynthesis);
        globalThis.__realSpeech = [];
        speechSynthesis.speak = (u) => { globalThis.__realSpeech.push({ real: u instanceof SpeechSynthesisUtterance, text: u.text, lang: u.lang, voice: u.voice ? u.voice.voiceURI : null }); real(u); };
      })()`,
    );
    await page.locator(READER).getByRole('button', { name: 'Listen' }).click();
    await expect.poll(() => world.run('__realSpeech.length')).toBeGreaterThan(0);
    const [call] = (await world.run('__realSpeech')) as Array<{ real: boolean; text: string; lang: string; voice: string | null }>;
    // The voice Folio should have picked from the engine's real list: English when there is one.
    const expectedVoice = await world.run(
      `(() => { const v = speechSynthesis.getVoices(); const en = v.find((x) => x.lang.toLowerCase() === 'en-gb') || v.find((x) => x.lang.toLowerCase().startsWith('en')); return en ? en.voiceURI : (v.find((x) => x.default) || v[0] || { voiceURI: null }).voiceURI; })()`,
    );
    expect(call).toEqual({ real: true, text: 'Bridges carry millions of people every day, and almost nobody thinks about them.', lang: 'en-GB', voice: expectedVoice });
    await page.keyboard.press('Escape');
    await world.detach();
  });

  test('axe: no serious violations with the reading tools open', async ({ folio, server, page }) => {
    await openArticle(page, folio, server.url(ARTICLE));
    const reader = page.locator(READER);
    await selectWithMouse(page, 'Regular inspection is cheaper');
    await reader.getByRole('button', { name: 'Highlight yellow' }).click();
    await reader.getByRole('button', { name: 'Contents' }).click();
    await reader.getByRole('button', { name: 'Listen' }).click();
    await expect(reader.locator('.folio-listen')).toBeVisible();
    const results = await new AxeBuilder({ page }).include('folio-reader').analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

test.describe('reading tools on the saved-article page', () => {
  test('a highlight with a note is stored with the article: close and reopen, it is there', async ({ folio, server, page }) => {
    await openArticle(page, folio, server.url(ARTICLE));
    const save = page.locator(`${READER} .folio-save`);
    await expect(save).toHaveText('Save', { timeout: 20_000 });
    await save.click();
    await expect(save).toHaveText('Saved ✓');
    await page.keyboard.press('Escape');

    await page.goto(`chrome-extension://${folio.extensionId}/library.html`);
    const href = await page.locator('.folio-row-title', { hasText: 'How bridges fail' }).getAttribute('href');
    await page.goto(href!);
    const reader = page.locator('.folio-reader');
    await expect(reader.locator('.folio-body h2').first()).toBeVisible();
    await selectWithMouse(page, 'Modern sensors can report strain');
    await reader.getByRole('button', { name: 'Highlight blue' }).click();
    await reader.getByRole('textbox', { name: 'Note' }).fill('Ask about sensor costs.');
    await reader.getByRole('button', { name: 'Close highlight menu' }).click();

    await page.close();
    const reopened = await folio.context.newPage();
    await reopened.goto(href!);
    const mark = reopened.locator('.folio-reader .folio-body mark.folio-highlight');
    await expect(mark).toHaveText(['Modern sensors can report strain']);
    await expect(mark).toHaveAttribute('data-color', 'blue');
    await reopened.getByRole('button', { name: /^Highlights/ }).click();
    const panel = reopened.getByRole('complementary', { name: 'Highlights' });
    await expect(panel).toContainText('Ask about sensor costs.');
    await expect(panel).not.toContainText('not saved');
    // The overlay on the (saved) page shows the same highlight, read from the library through the background.
    await reopened.goto(server.url(ARTICLE));
    await folio.pressToolbarButton(reopened);
    await expect(reopened.locator(`${READER} .folio-body mark.folio-highlight`)).toHaveText(['Modern sensors can report strain']);
    await reopened.close();
  });
});
