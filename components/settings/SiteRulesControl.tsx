import type { SiteRule } from '@/lib/prefs/site-rules';
import { useReaderPanel } from '../reader-panels';

interface SiteRulesControlProps {
  host: string;
  rule: SiteRule;
  /** The text size in use now, which "own text size" starts from. */
  fontSize: number;
  onChange: (change: Partial<SiteRule>) => void;
  /** Why the last change was refused, if it was. */
  message?: string | null;
}

/** The reader toolbar's "This site" menu: the current site's rules, one click each. */
export function SiteRulesControl({ host, rule, fontSize, onChange, message }: SiteRulesControlProps) {
  const panel = useReaderPanel('site-rules');
  return (
    <div className="folio-site-rules">
      <button type="button" className="folio-button folio-site-rules-toggle" aria-expanded={panel.open} title={`Rules for ${host}`} onClick={panel.toggle}>
        This site
      </button>
      {panel.open && (
        <div className="folio-panel folio-site-rules-panel" role="dialog" aria-label={`Rules for ${host}`}>
          <strong className="folio-site-rules-host">{host}</strong>
          <SiteRuleFields host={host} rule={rule} fontSize={fontSize} onChange={onChange} />
          {message && (
            <p className="folio-site-rules-message" role="alert">
              {message}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** The three rules as checkboxes; shared by the reader toolbar and the options page. */
export function SiteRuleFields({ host, rule, fontSize, onChange }: Omit<SiteRulesControlProps, 'message'>) {
  return (
    <>
      <label>
        <input type="checkbox" checked={rule.alwaysOpen} onChange={(event) => onChange({ alwaysOpen: event.target.checked })} />
        Always open the reader on {host}
      </label>
      <label>
        <input type="checkbox" checked={rule.hideDetection} onChange={(event) => onChange({ hideDetection: event.target.checked })} />
        Never show detection on {host}
      </label>
      <label>
        <input type="checkbox" checked={rule.fontSize !== null} onChange={(event) => onChange({ fontSize: event.target.checked ? fontSize : null })} />
        Own text size on {host}
        {rule.fontSize !== null && ` (${rule.fontSize}px)`}
      </label>
    </>
  );
}
