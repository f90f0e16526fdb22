import { afterEach, describe, expect, it, vi } from 'vitest';
import { OFF_PAGE_TIMEOUT_MS } from '@/lib/extract-service/off-page';
import { readOffPage } from '@/lib/extract-service/read-off-page';
import { sendMessage } from '@/lib/messaging';

vi.mock('@/lib/messaging', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage);

describe('reading a big page off its thread', () => {
  afterEach(() => {
    vi.useRealTimers();
    send.mockReset();
  });

  it('sends the page’s markup and address, and shows what the service found', async () => {
    send.mockResolvedValueOnce({ ok: false, reason: 'not-article', detail: 'a list' });
    expect(await readOffPage('<html></html>', 'https://shop.example/')).toEqual({ ok: false, reason: 'not-article', detail: 'a list' });
    expect(send).toHaveBeenCalledWith('extractPageHtml', { html: '<html></html>', url: 'https://shop.example/' });
  });

  it('asks for the story’s next page only when the reader wants it', async () => {
    send.mockResolvedValue({ ok: false, reason: 'not-article', detail: 'a list' });
    await readOffPage('<html></html>', 'https://shop.example/', { findNextPage: true });
    expect(send).toHaveBeenLastCalledWith('extractPageHtml', { html: '<html></html>', url: 'https://shop.example/', findNextPage: true });
  });

  it('says so when the background refuses or cannot answer', async () => {
    send.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await readOffPage('<html></html>', 'https://shop.example/')).toEqual({
      ok: false,
      reason: 'error',
      detail: 'Folio could not read this page in the background (Could not establish connection. Receiving end does not exist.).',
    });
  });

  it('stops waiting after its time and says the page is too long', async () => {
    vi.useFakeTimers();
    send.mockReturnValueOnce(new Promise(() => undefined));
    const reading = readOffPage('<html></html>', 'https://shop.example/');
    await vi.advanceTimersByTimeAsync(OFF_PAGE_TIMEOUT_MS);
    expect(await reading).toEqual({ ok: false, reason: 'too-large', detail: `This page is too long to read: Folio stopped after ${OFF_PAGE_TIMEOUT_MS / 1000} seconds so that your browser stays responsive.` });
  });
});
