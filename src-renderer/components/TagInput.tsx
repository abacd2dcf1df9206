import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useT } from '../app/i18n/use-t.ts';
import type { ControlProps } from './Field.tsx';

type Props = ControlProps & {
  value: readonly string[];
  onChange: (tags: string[]) => void;
  testId?: string;
};

// Latin and Arabic/Persian commas both end a tag.
const SEPARATOR_RE = /[,،]/;

/** Tags as removable chips; Enter or a comma adds what was typed, Backspace on empty removes. */
export function TagInput({ value, onChange, testId, ...control }: Props) {
  const t = useT();
  const [text, setText] = useState('');

  const add = (raw: string) => {
    const tags = raw
      .split(SEPARATOR_RE)
      .map((tag) => tag.trim())
      .filter((tag) => tag.length > 0 && tag.length <= 60 && !value.includes(tag));
    if (tags.length > 0) onChange([...value, ...new Set(tags)]);
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && text.trim() !== '') {
      event.preventDefault();
      add(text);
    } else if (event.key === 'Backspace' && text === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className="tag-input" data-testid={testId}>
      {value.map((tag) => (
        <span
          key={tag}
          className="tag tag-removable"
          data-testid={testId ? `${testId}-chip` : undefined}
        >
          {tag}
          <button
            type="button"
            className="tag-remove"
            aria-label={t('tags.remove', { tag })}
            onClick={() => onChange(value.filter((other) => other !== tag))}
          >
            <span aria-hidden="true">×</span>
          </button>
        </span>
      ))}
      <input
        {...control}
        className="tag-input-text"
        value={text}
        placeholder={value.length === 0 ? t('tags.placeholder') : ''}
        onChange={(event) => {
          const next = event.target.value;
          if (SEPARATOR_RE.test(next)) add(next);
          else setText(next);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (text.trim() !== '') add(text);
        }}
        data-testid={testId ? `${testId}-text` : undefined}
      />
    </div>
  );
}
