import { useId } from 'react';
import type { SmsCount } from '../../../src-shared/domain/sms.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { SMS_PART_LIMITS } from './template-draft.ts';

type Props = {
  count: SmsCount;
  /** What was counted, when it is not the filled message (the raw template). */
  caption?: string;
  limit: number;
  onLimit: (limit: number) => void;
};

/**
 * How many SMS a message is sent as (DESIGN.md §6: a Persian part is 70 characters, a Latin
 * one 160, fewer per part once split), its length, and a warning over the owner's limit: panels
 * charge for every part.
 */
export function SmsMeter({ count, caption, limit, onLimit }: Props) {
  const { t } = useLocale();
  const limitId = useId();
  const isOver = count.parts > limit;
  return (
    <div className={`sms-meter${isOver ? ' is-over' : ''}`} data-testid="sms-meter">
      <div className="sms-meter-head">
        <span className="field-label">{t('messages.sms.label')}</span>
        <label className="sms-meter-limit" htmlFor={limitId}>
          <span className="field-hint">{t('messages.sms.limit')}</span>
          <select
            id={limitId}
            className="input sms-meter-select"
            value={limit}
            onChange={(event) => onLimit(Number(event.target.value))}
            data-testid="sms-limit"
          >
            {SMS_PART_LIMITS.map((option) => (
              <option key={option} value={option}>
                {t('messages.sms.parts', { count: option })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {caption ? <p className="field-hint">{caption}</p> : null}
      <p className="sms-meter-figures">
        <strong data-testid="sms-parts">{t('messages.sms.parts', { count: count.parts })}</strong>
        <span data-testid="sms-characters">
          {t('messages.sms.characters', { count: count.units })}
        </span>
        <span>{t('messages.sms.perPart', { count: count.perPart })}</span>
        <span>{t(`messages.sms.encoding.${count.encoding}`)}</span>
      </p>
      {isOver ? (
        <p className="sms-meter-warning" role="alert" data-testid="sms-over">
          {t('messages.sms.over', { parts: count.parts, limit })}
        </p>
      ) : null}
    </div>
  );
}
