import { FONT_SIZE, LINE_HEIGHT, LINE_WIDTH, THEMES, type ReaderPrefs } from '@/lib/storage/prefs';

interface TypographyPanelProps {
  prefs: ReaderPrefs;
  onChange: (change: Partial<ReaderPrefs>) => void;
}

const THEME_LABELS: Record<ReaderPrefs['theme'], string> = { system: 'Auto', light: 'Light', sepia: 'Sepia', dark: 'Dark' };

interface StepperProps {
  label: string;
  value: number;
  range: { min: number; max: number; step: number };
  format: (value: number) => string;
  onChange: (value: number) => void;
}

function Stepper({ label, value, range, format, onChange }: StepperProps) {
  const step = (direction: 1 | -1) => {
    const next = Math.round((value + direction * range.step) * 100) / 100;
    onChange(Math.min(range.max, Math.max(range.min, next)));
  };
  return (
    <div className="folio-stepper" role="group" aria-label={label}>
      <span className="folio-stepper-label">{label}</span>
      <button type="button" className="folio-button" aria-label={`Decrease ${label.toLowerCase()}`} disabled={value <= range.min} onClick={() => step(-1)}>
        −
      </button>
      <output className="folio-stepper-value" aria-live="polite">
        {format(value)}
      </output>
      <button type="button" className="folio-button" aria-label={`Increase ${label.toLowerCase()}`} disabled={value >= range.max} onClick={() => step(1)}>
        +
      </button>
    </div>
  );
}

/** Theme, font, size, line width and line height; every change applies at once and is kept in sync storage. */
export function TypographyPanel({ prefs, onChange }: TypographyPanelProps) {
  return (
    <div className="folio-panel folio-typography" role="dialog" aria-label="Text settings">
      <div className="folio-segmented" role="radiogroup" aria-label="Theme">
        {THEMES.map((theme) => (
          <button key={theme} type="button" role="radio" aria-checked={prefs.theme === theme} className={`folio-theme-swatch folio-theme-${theme}`} onClick={() => onChange({ theme })}>
            {THEME_LABELS[theme]}
          </button>
        ))}
      </div>
      <div className="folio-segmented" role="radiogroup" aria-label="Font">
        <button type="button" role="radio" aria-checked={prefs.font === 'serif'} className="folio-font-serif" onClick={() => onChange({ font: 'serif' })}>
          Serif
        </button>
        <button type="button" role="radio" aria-checked={prefs.font === 'sans'} className="folio-font-sans" onClick={() => onChange({ font: 'sans' })}>
          Sans
        </button>
      </div>
      <Stepper label="Text size" value={prefs.fontSize} range={FONT_SIZE} format={(v) => `${v}px`} onChange={(fontSize) => onChange({ fontSize })} />
      <Stepper label="Line width" value={prefs.lineWidth} range={LINE_WIDTH} format={(v) => `${v}ch`} onChange={(lineWidth) => onChange({ lineWidth })} />
      <Stepper label="Line height" value={prefs.lineHeight} range={LINE_HEIGHT} format={(v) => v.toFixed(1)} onChange={(lineHeight) => onChange({ lineHeight })} />
    </div>
  );
}
