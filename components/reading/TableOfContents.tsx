import { useState } from 'react';
import { hasSubsections, shownCurrent, visibleEntries, type TocEntry } from '@/lib/reading/table-of-contents';

interface TableOfContentsProps {
  entries: TocEntry[];
  current: number | null;
  onJump: (id: string) => void;
}

/**
 * The article's headings as a list of links; the section being read is marked as current (or the folded
 * section holding it). Sections with subsections fold and unfold with the button beside them.
 */
export function TableOfContents({ entries, current, onJump }: TableOfContentsProps) {
  const [folded, setFolded] = useState<ReadonlySet<string>>(() => new Set());
  const shown = visibleEntries(entries, folded);
  const marked = shownCurrent(shown, current);
  const toggle = (id: string) =>
    setFolded((now) => {
      const next = new Set(now);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <nav className="folio-side-panel folio-toc" aria-label="Contents">
      <h2 className="folio-panel-title">Contents</h2>
      <ol>
        {shown.map((i) => {
          const entry = entries[i]!;
          const foldable = hasSubsections(entries, i);
          return (
            <li key={entry.id} style={{ paddingInlineStart: `${(entry.level - 1) * 0.9}rem` }} className={foldable ? 'folio-toc-foldable' : undefined}>
              {foldable && (
                <button type="button" className="folio-toc-fold" aria-expanded={!folded.has(entry.id)} aria-label={`Subsections of ${entry.text}`} onClick={() => toggle(entry.id)}>
                  <span aria-hidden="true">{folded.has(entry.id) ? '▸' : '▾'}</span>
                </button>
              )}
              <a
                href={`#${entry.id}`}
                aria-current={i === marked ? 'location' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  onJump(entry.id);
                }}
              >
                {entry.text}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
