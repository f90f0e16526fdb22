interface ProgressBarProps {
  label: string;
  done: number;
  total: number;
  onStop?: (() => void) | undefined;
}

/** Progress of a long task (export, download all) with a way to stop it. */
export function ProgressBar({ label, done, total, onStop }: ProgressBarProps) {
  return (
    <div className="folio-progress" role="status">
      <span>
        {label} {done} / {total}
      </span>
      <progress max={Math.max(total, 1)} value={done} />
      {onStop && (
        <button type="button" onClick={onStop}>
          Stop
        </button>
      )}
    </div>
  );
}
