import type { ReadAloudState } from './use-read-aloud';

const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2];

interface ListenControlsProps {
  speech: ReadAloudState;
  onClose: () => void;
  /** Captions and code are skipped unless this is on. */
  readExtras: boolean;
  onReadExtras: (on: boolean) => void;
}

/** Play/pause, previous/next paragraph, speed, voice, and whether captions and code are read. */
export function ListenControls({ speech, onClose, readExtras, onReadExtras }: ListenControlsProps) {
  return (
    <div className="folio-listen" role="group" aria-label="Listen">
      <button type="button" className="folio-button" onClick={speech.previous} aria-label="Previous paragraph">
        ⏮
      </button>
      <button type="button" className="folio-button folio-listen-play" onClick={speech.toggle} aria-label={speech.status === 'playing' ? 'Pause' : 'Play'}>
        {speech.status === 'playing' ? '⏸' : '▶'}
      </button>
      <button type="button" className="folio-button" onClick={speech.next} aria-label="Next paragraph">
        ⏭
      </button>
      <label className="folio-listen-field">
        <span>Speed</span>
        <select value={speech.rate} onChange={(event) => speech.setRate(Number(event.currentTarget.value))}>
          {RATES.map((rate) => (
            <option key={rate} value={rate}>
              {rate}×
            </option>
          ))}
        </select>
      </label>
      {speech.voices.length > 0 && (
        <label className="folio-listen-field">
          <span>Voice</span>
          <select value={speech.voiceURI ?? ''} onChange={(event) => speech.setVoiceURI(event.currentTarget.value)}>
            {speech.voices.map((voice) => (
              <option key={voice.voiceURI} value={voice.voiceURI}>
                {voice.name} ({voice.lang})
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="folio-listen-field folio-listen-extras">
        <input type="checkbox" checked={readExtras} onChange={(event) => onReadExtras(event.currentTarget.checked)} />
        <span>Read captions and code</span>
      </label>
      <span className="folio-listen-where" aria-live="polite">
        {speech.paragraphs.length > 0 ? `${speech.paragraph + 1} / ${speech.paragraphs.length}` : 'Nothing to read'}
      </span>
      <button
        type="button"
        className="folio-button"
        aria-label="Stop listening"
        onClick={() => {
          speech.stop();
          onClose();
        }}
      >
        ✕
      </button>
    </div>
  );
}
