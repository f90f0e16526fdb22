import { useId, useState } from 'react';
import { suggestTags } from '@/lib/library/tags';

interface TagInputProps {
  known: readonly string[];
  onAdd: (tag: string) => void;
  label?: string;
}

/** A tag field with autocomplete from the tags already in use (a native datalist: keyboard-friendly). */
export function TagInput({ known, onAdd, label = 'Add tag' }: TagInputProps) {
  const [value, setValue] = useState('');
  const listId = useId();
  const submit = () => {
    if (!value.trim()) return;
    onAdd(value);
    setValue('');
  };
  return (
    <form
      className="folio-tag-input"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <input list={listId} value={value} onChange={(event) => setValue(event.target.value)} placeholder={label} aria-label={label} />
      <datalist id={listId}>
        {suggestTags(known, value).map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      <button type="submit">Add</button>
    </form>
  );
}
