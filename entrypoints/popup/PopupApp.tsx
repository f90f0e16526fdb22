import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';

async function readCurrentTab(): Promise<void> {
  await sendMessage('openReader', undefined);
  window.close();
}

/** The popup: read the current page, reach the library. The library issue fills in saving and search. */
export function PopupApp() {
  return (
    <main className="folio-popup">
      <h1>Folio</h1>
      <button type="button" onClick={() => void readCurrentTab()}>
        Read this page
      </button>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        Open the library
      </button>
    </main>
  );
}
