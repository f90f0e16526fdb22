import type { SavedArticle } from '@/lib/storage/library-repo';
import { useArticleDownload, type DownloadStep } from './use-article-download';

const STAGES = ['fetching', 'reading', 'saving'] as const;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the site';
  }
}

function stepText(step: DownloadStep, host: string): string {
  switch (step.kind) {
    case 'checking':
      return 'Opening…';
    case 'needs-access':
      return 'To download it, Folio loads the page as opening it would, which needs access to your sites. Your browser will ask you.';
    case 'asking':
      return 'Waiting for your answer in the browser’s prompt…';
    case 'fetching':
      return `Loading the page from ${host}…`;
    case 'reading':
      return 'Reading the article…';
    case 'saving':
      return 'Saving it to your library…';
    case 'refused':
      return 'Folio was not given access to your sites, so it cannot download this article. Allow access, or open the original.';
    case 'failed':
      return `The download did not work: ${step.message}`;
  }
}

/**
 * An article Folio has the link and details of (synced from another device, a saved link, an import)
 * but not the text: downloads it on first open, with its progress, and asks for access when needed.
 */
export function PendingArticle({ saved, onReady }: { saved: SavedArticle; onReady: (saved: SavedArticle) => void }) {
  const { step, start } = useArticleDownload(saved, onReady);
  const stage = (STAGES as readonly string[]).indexOf(step.kind);
  const problem = step.kind === 'refused' || step.kind === 'failed';
  const button = step.kind === 'needs-access' || step.kind === 'refused' ? 'Allow access and download' : step.kind === 'failed' ? 'Try again' : null;
  return (
    <div className="folio-article-status">
      <h1>{saved.record.title}</h1>
      <p>Folio has this article’s link but not its text yet.</p>
      {stage >= 0 && <progress className="folio-download-progress" max={STAGES.length} value={stage + 1} aria-label="Download progress" />}
      {problem ? (
        <p role="alert">{stepText(step, hostOf(saved.record.url))}</p>
      ) : (
        <p role="status" aria-live="polite">
          {stepText(step, hostOf(saved.record.url))}
        </p>
      )}
      {button && (
        <button type="button" onClick={() => void start()}>
          {button}
        </button>
      )}
      <a href={saved.record.url} target="_blank" rel="noopener noreferrer">
        Open the original
      </a>
    </div>
  );
}
