/**
 * The small notice in the page's corner that says how a save without the reader went (page context
 * menu, save shortcut, link context menu). Self-contained on purpose: the background injects this very
 * function into the tab (scripting.executeScript serialises it, so it may use nothing from outside),
 * and calling it again in the same tab updates the notice already shown instead of stacking another.
 */
export type SaveNoticeState = 'working' | 'done' | 'error';

export function showSaveNotice(text: string, state: SaveNoticeState): void {
  const KEY = '__folioSaveNotice';
  interface Notice {
    host: HTMLElement;
    box: HTMLElement;
    timer?: ReturnType<typeof setTimeout>;
  }
  const holder = globalThis as unknown as Record<string, Notice | undefined>;
  let notice = holder[KEY];
  if (!notice || !notice.host.isConnected) {
    const host = document.createElement('folio-save-notice');
    const shadow = host.attachShadow({ mode: 'closed' });
    const box = document.createElement('div');
    box.style.cssText =
      'position:fixed;z-index:2147483647;right:16px;bottom:16px;padding:10px 14px;border-radius:8px;font:14px/1.4 system-ui,sans-serif;' +
      'box-shadow:0 4px 16px rgba(0,0,0,.25);max-width:360px;color:#fff';
    shadow.append(box);
    document.documentElement.append(host);
    notice = { host, box };
    holder[KEY] = notice;
  }
  const { host, box } = notice;
  box.textContent = text;
  box.setAttribute('role', state === 'error' ? 'alert' : 'status');
  box.style.background = state === 'error' ? '#7a1f1f' : '#1f2a1f';
  // The page's tests and scripts see the outcome too (the notice's own box is in a closed shadow root).
  host.setAttribute('data-state', state);
  host.setAttribute('aria-label', text);
  if (notice.timer) clearTimeout(notice.timer);
  if (state !== 'working') notice.timer = setTimeout(() => host.remove(), state === 'error' ? 8000 : 3000);
}
