/** A thin progress bar along the bottom and the minutes left to read. */
export function ReadingProgress({ fraction, minutesLeft }: { fraction: number; minutesLeft: number }) {
  const percent = Math.round(fraction * 100);
  return (
    <div className="folio-reading-progress">
      <div className="folio-progress-track" role="progressbar" aria-label="Position in the article" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="folio-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="folio-minutes-left">{minutesLeft === 0 ? 'Done' : `${minutesLeft} min left`}</span>
    </div>
  );
}
