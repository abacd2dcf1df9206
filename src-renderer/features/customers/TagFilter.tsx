import { useMemo } from 'react';
import { useLocale } from '../../app/i18n/use-t.ts';

type Props = {
  tags: readonly string[];
  value: string | null;
  onChange: (tag: string | null) => void;
};

/**
 * "All tags" or one tag, as a native select: compact next to the search, and the keyboard, screen
 * readers and long tag lists come with it. Hidden while no customer has a tag.
 */
export function TagFilter({ tags, value, onChange }: Props) {
  const { t, locale } = useLocale();
  const options = useMemo(() => {
    // A chosen tag that nobody has any more stays listed, so the select still says what filters.
    const all = value !== null && !tags.includes(value) ? [...tags, value] : [...tags];
    return all.sort(new Intl.Collator(locale).compare);
  }, [tags, value, locale]);

  if (options.length === 0) return null;
  return (
    <div className={`tag-filter${value !== null ? ' is-active' : ''}`}>
      <svg className="tag-filter-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M3.5 12.2V4.5a1 1 0 0 1 1-1h7.7l8.3 8.3a1 1 0 0 1 0 1.4l-7.3 7.3a1 1 0 0 1-1.4 0z" />
        <circle cx="8.2" cy="8.2" r="1.4" />
      </svg>
      <select
        className="input tag-filter-select"
        value={value ?? ''}
        aria-label={t('customers.tagFilterLabel')}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
        data-testid="customers-tag-filter"
      >
        <option value="">{t('customers.allTags')}</option>
        {options.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
    </div>
  );
}
