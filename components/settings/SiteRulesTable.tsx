import { useState } from 'react';
import { FONT_SIZE } from '@/lib/prefs/schema';
import { siteKey, type SiteRule, type SiteRules } from '@/lib/prefs/site-rules';
import { SiteRuleFields } from './SiteRulesControl';

interface SiteRulesTableProps {
  rules: SiteRules;
  /** The reader's text size, which a new per-site size starts from. */
  fontSize: number;
  onChange: (host: string, change: Partial<SiteRule>) => void;
  message?: string | null;
}

const REMOVE: SiteRule = { alwaysOpen: false, hideDetection: false, fontSize: null };

/** Every site with a rule, editable; and a field to add one by typing its address. */
export function SiteRulesTable({ rules, fontSize, onChange, message }: SiteRulesTableProps) {
  const [adding, setAdding] = useState('');
  const [invalid, setInvalid] = useState(false);
  const hosts = Object.keys(rules).sort();
  const add = () => {
    const host = siteKey(adding);
    setInvalid(!host);
    if (!host) return;
    onChange(host, rules[host] ? {} : { alwaysOpen: true });
    setAdding('');
  };
  return (
    <div className="folio-site-table">
      {hosts.length === 0 && <p className="folio-muted">No site rules yet. Add one here, or from the reader’s “This site” menu.</p>}
      <ul>
        {hosts.map((host) => {
          const rule = rules[host]!;
          return (
            <li key={host} className="folio-site-row" data-host={host}>
              <strong>{host}</strong>
              <SiteRuleFields host={host} rule={rule} fontSize={fontSize} onChange={(change) => onChange(host, change)} />
              {rule.fontSize !== null && (
                <label>
                  Text size on {host}{' '}
                  <input
                    type="number"
                    min={FONT_SIZE.min}
                    max={FONT_SIZE.max}
                    value={rule.fontSize}
                    onChange={(event) => {
                      const size = Number(event.target.value);
                      if (Number.isInteger(size) && size >= FONT_SIZE.min && size <= FONT_SIZE.max) onChange(host, { fontSize: size });
                    }}
                  />{' '}
                  px
                </label>
              )}
              <button type="button" onClick={() => onChange(host, REMOVE)}>
                Remove {host}
              </button>
            </li>
          );
        })}
      </ul>
      <form
        className="folio-site-add"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label>
          Site <input type="text" value={adding} placeholder="news.example.com" onChange={(event) => setAdding(event.target.value)} aria-invalid={invalid} />
        </label>
        <button type="submit">Add site (always open the reader)</button>
        {invalid && <span className="folio-error" role="alert">That is not a web address or host name.</span>}
      </form>
      {message && <p className="folio-error" role="alert">{message}</p>}
    </div>
  );
}
