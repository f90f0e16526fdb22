import type { DetectionSignals } from '@/lib/extract/detect';
import type { DebugEntry, ExtractDebug } from '@/lib/extract/types';

export interface ExtractionDebugViewProps {
  debug: ExtractDebug;
  /** The in-page detector's signals, when the overlay has them. */
  signals?: DetectionSignals;
}

/** Entries that name an element a rule removed, revealed or replaced. */
function isElementEntry(entry: DebugEntry): boolean {
  return entry.element !== undefined;
}

function SignalList({ signals }: { signals: DetectionSignals }) {
  const rows: Array<[string, string]> = [
    ['Prose score', signals.prose.toFixed(1)],
    ['Article JSON-LD', signals.articleJsonLd ? 'yes' : 'no'],
    ['og:type article', signals.ogArticle ? 'yes' : 'no'],
    ['Headline links and cards', String(signals.teasers)],
    ['Site root', signals.siteRoot ? 'yes' : 'no'],
    ['Product or list markup', signals.nonArticleMarkup ? 'yes' : 'no'],
  ];
  return (
    <dl className="folio-debug-signals">
      {rows.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * "Why does it look like this?": the extraction's decision, the containers Readability weighed, what
 * each rule removed or revealed, and the time per step. Presentational only: props in, markup out.
 */
export function ExtractionDebugView({ debug, signals }: ExtractionDebugViewProps) {
  const changes = debug.entries.filter(isElementEntry);
  const notes = debug.entries.filter((entry) => !isElementEntry(entry));
  const timings = Object.entries(debug.timingsMs);
  return (
    <section className="folio-debug" aria-label="Why the article looks like this">
      {debug.decision && (
        <p className="folio-debug-decision">
          <strong>{debug.decision.isArticle ? 'Read as an article' : 'Not read as an article'}</strong>: {debug.decision.because}
        </p>
      )}
      {signals && (
        <>
          <h3>Page signals</h3>
          <SignalList signals={signals} />
        </>
      )}
      {debug.candidates && debug.candidates.length > 0 && (
        <>
          <h3>Candidate containers</h3>
          <ol className="folio-debug-candidates">
            {debug.candidates.map((candidate, index) => (
              <li key={`${candidate.element}-${index}`} data-chosen={candidate.chosen ? 'true' : undefined}>
                <code>{candidate.element}</code> score {candidate.score}, {candidate.textLength} characters
                {candidate.chosen ? ' (chosen)' : ''}
                {candidate.sample && <q>{candidate.sample}</q>}
              </li>
            ))}
          </ol>
        </>
      )}
      <h3>Removed or changed</h3>
      {changes.length === 0 ? (
        <p>No rule removed or changed anything.</p>
      ) : (
        <ul className="folio-debug-changes">
          {changes.map((entry, index) => (
            <li key={index}>
              <span className="folio-debug-rule">{entry.rule ?? entry.step}</span>: <code>{entry.element}</code>
              {entry.sample && <q>{entry.sample}</q>}
            </li>
          ))}
        </ul>
      )}
      <h3>Steps</h3>
      <ul className="folio-debug-notes">
        {notes.map((entry, index) => (
          <li key={index}>
            [{entry.step}]{entry.rule ? ` ${entry.rule}:` : ''} {entry.message}
          </li>
        ))}
      </ul>
      {timings.length > 0 && (
        <p className="folio-debug-timings">
          {timings.map(([step, ms]) => `${step} ${ms} ms`).join(' · ')}
        </p>
      )}
    </section>
  );
}
