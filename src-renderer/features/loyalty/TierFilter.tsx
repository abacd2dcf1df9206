import { useLocale } from '../../app/i18n/use-t.ts';
import { useLoyaltyRules } from './use-loyalty-rules.ts';

type Props = {
  value: string | null;
  onChange: (tierId: string | null) => void;
};

/**
 * The loyalty tiers as saved filters of the customer book: everyone, or the customers in one tier
 * as the last loyalty update placed them. A native select, like the tag filter beside it.
 */
export function TierFilter({ value, onChange }: Props) {
  const { t } = useLocale();
  const rules = useLoyaltyRules();
  const tiers = rules?.tiers ?? [];
  // A tier the rules no longer have stays listed while it filters, so the select says what it does.
  const isUnknown = value !== null && rules !== null && !tiers.some((tier) => tier.id === value);
  if (tiers.length === 0 && value === null) return null;
  return (
    <div className={`tag-filter tier-filter${value !== null ? ' is-active' : ''}`}>
      <svg className="tag-filter-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12 3.2 14.6 8.5l5.8.8-4.2 4.1 1 5.8L12 16.5l-5.2 2.7 1-5.8-4.2-4.1 5.8-.8z" />
      </svg>
      <select
        className="input tag-filter-select"
        value={value ?? ''}
        aria-label={t('loyalty.filter.label')}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
        data-testid="customers-tier-filter"
      >
        <option value="">{t('loyalty.filter.all')}</option>
        <optgroup label={t('loyalty.filter.group')}>
          {tiers.map((tier) => (
            <option key={tier.id} value={tier.id}>
              {tier.name}
            </option>
          ))}
          {isUnknown || (rules === null && value !== null) ? (
            <option value={value ?? ''}>{value}</option>
          ) : null}
        </optgroup>
      </select>
    </div>
  );
}
