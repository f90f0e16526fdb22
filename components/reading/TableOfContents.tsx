import type { TocEntry } from '@/lib/reading/table-of-contents';

interface TableOfContentsProps {
  entries: TocEntry[];
  current: number | null;
  onJump: (id: string) => void;
}

/** The article's headings as a list of links; the section being read is marked as current. */
export function TableOfContents({ entries, current, onJump }: TableOfContentsProps) {
  return (
    <nav className="folio-side-panel folio-toc" aria-label="Contents">
      <h2 className="folio-panel-title">Contents</h2>
      <ol>
        {entries.map((entry, i) => (
          <li key={entry.id} style={{ paddingInlineStart: `${(entry.level - 1) * 0.9}rem` }}>
            <a
              href={`#${entry.id}`}
              aria-current={i === current ? 'location' : undefined}
              onClick={(event) => {
                event.preventDefault();
                onJump(entry.id);
              }}
            >
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
