import { browser } from 'wxt/browser';
import { DetectionModeSection } from '../options/DetectionModeSection';

/** Opened once, on install: how Folio can work, and the one permission automatic detection needs. */
export function WelcomeApp() {
  return (
    <main className="folio-welcome">
      <h1>Welcome to Folio</h1>
      <p>Folio shows the story on a page without the clutter, and keeps a reading list that is yours. First, choose how it finds articles.</p>
      <DetectionModeSection />
      <p className="folio-muted">
        You can change this at any time in <a href={browser.runtime.getURL('/options.html')}>Folio’s settings</a>. Everything else works in
        either mode: the reader, saving pages (right-click, Save page to Folio) and the library.
      </p>
    </main>
  );
}
