import type { ReadAloudState } from './use-read-aloud';

const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2];

/** Play/pause, previous/next paragraph, speed and voice for read-aloud. */
export function ListenControls({ speech, onClose }: { speech: ReadAloudState; onClose: () => void }) {
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
