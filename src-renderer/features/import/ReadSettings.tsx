import type {
  ImportDelimiter,
  ImportEncoding,
  ImportPreview,
} from '../../../src-shared/contract/index.ts';
import type { ImportOptions } from '../../../src-shared/domain/import-fields.ts';
import { toPersianDigits } from '../../../src-shared/domain/persian-text.ts';
import { reasonText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';
import { Field } from '../../components/Field.tsx';
import { encodingLabel } from './import-text.ts';
import {
  parseLineNumber,
  RETURN_PREFIX_MAX,
  SOURCE_MAX,
  sourceProblem,
} from './preview-request.ts';
import type { PreviewChange, PreviewRequest } from './preview-request.ts';

const ENCODINGS: readonly ImportEncoding[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1256',
  'windows-1252',
];
const DELIMITERS: readonly {
  value: ImportDelimiter;
  key: 'comma' | 'semicolon' | 'tab' | 'pipe';
}[] = [
  { value: ',', key: 'comma' },
  { value: ';', key: 'semicolon' },
  { value: '\t', key: 'tab' },
  { value: '|', key: 'pipe' },
];

type Props = {
  preview: ImportPreview;
  request: PreviewRequest;
  onChange: (change: PreviewChange) => void;
  /** The header row as being typed, when it differs from what the preview used. */
  headerDraft: string | null;
  onHeaderDraftChange: (draft: string | null) => void;
};

/**
 * How the file is read, as detected and as the user may correct it: the encoding, separator,
 * sheet and header row, then how dates and amounts are read, then where the sales come from.
 */
export function ReadSettings({
  preview,
  request,
  onChange,
  headerDraft,
  onHeaderDraftChange,
}: Props) {
  const { t, locale } = useLocale();
  const { settings } = useSettings();
  const { plan, detected } = preview;
  const option = <K extends keyof ImportOptions>(key: K): ImportOptions[K] =>
    (request.options?.[key] as ImportOptions[K] | undefined) ?? plan.options[key];
  const setOptions = (options: Partial<ImportOptions>) => onChange({ kind: 'options', options });

  const isDelimited = plan.read.format === 'delimited';
  const encoding = request.read?.encoding ?? plan.read.encoding;
  const delimiter = request.read?.delimiter ?? plan.read.delimiter;
  const sheet = request.read?.sheet ?? plan.read.sheet ?? '';
  const headerLine = request.headerLine ?? plan.read.headerLine;
  const digits = (text: string) => (locale === 'fa' ? toPersianDigits(text) : text);
  const isHeaderInvalid = headerDraft !== null && parseLineNumber(headerDraft) === null;
  const source = option('source');
  const sourceIssue = sourceProblem(source);
  const returnPrefix = option('returnPrefix');
  const isIrr = settings.currency.toUpperCase() === 'IRR';
  const detectedMark = (label: string, isDetected: boolean) =>
    isDetected ? `${label} · ${t('import.detected')}` : label;

  const dayOrderHint =
    detected.dayOrder !== null
      ? t(`import.dayOrder.detected.${detected.dayOrder}`)
      : preview.warnings.some((warning) => warning.code === 'day_order_undecided')
        ? t('import.dayOrder.undecided')
        : undefined;

  return (
    <div className="import-settings-body" data-testid="import-settings">
      <div className="settings-group">
        {isDelimited ? (
          <>
            <Field label={t('import.settings.encoding')} hint={t('import.settings.encodingHint')}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={encoding}
                  onChange={(event) =>
                    onChange({
                      kind: 'read',
                      read: { encoding: event.target.value as ImportEncoding },
                    })
                  }
                  data-testid="import-encoding"
                >
                  {ENCODINGS.map((value) => (
                    <option key={value} value={value}>
                      {detectedMark(encodingLabel(t, locale, value), value === detected.encoding)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('import.settings.delimiter')}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={delimiter}
                  onChange={(event) =>
                    onChange({
                      kind: 'read',
                      read: { delimiter: event.target.value as ImportDelimiter },
                    })
                  }
                  data-testid="import-delimiter"
                >
                  {DELIMITERS.map(({ value, key }) => (
                    <option key={key} value={value}>
                      {detectedMark(t(`import.delimiter.${key}`), value === detected.delimiter)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        ) : (
          <Field label={t('import.settings.sheet')}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={sheet}
                onChange={(event) =>
                  onChange({ kind: 'read', read: { sheet: event.target.value } })
                }
                data-testid="import-sheet"
              >
                {preview.sheets.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field
          label={t('import.settings.headerLine')}
          hint={t('import.settings.headerLineHint')}
          error={isHeaderInvalid ? t('import.settings.headerLineInvalid') : null}
        >
          {(control) => (
            <input
              {...control}
              className="input input-line"
              inputMode="numeric"
              value={headerDraft ?? digits(String(headerLine))}
              onChange={(event) => {
                const text = event.target.value;
                onHeaderDraftChange(text);
                const line = parseLineNumber(text);
                if (line !== null && line !== headerLine) {
                  onChange({ kind: 'headerLine', headerLine: line });
                }
              }}
              onBlur={() => {
                if (headerDraft !== null && parseLineNumber(headerDraft) !== null) {
                  onHeaderDraftChange(null);
                }
              }}
              data-testid="import-header-line"
            />
          )}
        </Field>
      </div>

      <div className="settings-group">
        <Field
          label={t('import.settings.calendar')}
          hint={detected.calendar ? t(`import.calendar.detected.${detected.calendar}`) : undefined}
        >
          {(control) => (
            <select
              {...control}
              className="input"
              value={option('calendar')}
              onChange={(event) =>
                setOptions({ calendar: event.target.value as ImportOptions['calendar'] })
              }
              data-testid="import-calendar"
            >
              <option value="auto">{t('import.calendar.auto')}</option>
              <option value="persian">{t('calendar.persian')}</option>
              <option value="gregory">{t('calendar.gregory')}</option>
            </select>
          )}
        </Field>
        <Field label={t('import.settings.dayOrder')} hint={dayOrderHint}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={option('dayOrder')}
              onChange={(event) =>
                setOptions({ dayOrder: event.target.value as ImportOptions['dayOrder'] })
              }
              data-testid="import-day-order"
            >
              <option value="auto">{t('import.dayOrder.auto')}</option>
              <option value="dmy">{t('import.dayOrder.dmy')}</option>
              <option value="mdy">{t('import.dayOrder.mdy')}</option>
            </select>
          )}
        </Field>
        <Field label={t('import.settings.decimalMark')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={option('decimalMark')}
              onChange={(event) =>
                setOptions({ decimalMark: event.target.value as ImportOptions['decimalMark'] })
              }
              data-testid="import-decimal-mark"
            >
              <option value=".">{t('import.decimal.dot')}</option>
              <option value=",">{t('import.decimal.comma')}</option>
            </select>
          )}
        </Field>
        {isIrr ? (
          <Field label={t('import.settings.amountUnit')}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={option('amountUnit')}
                onChange={(event) =>
                  setOptions({ amountUnit: event.target.value as ImportOptions['amountUnit'] })
                }
                data-testid="import-amount-unit"
              >
                <option value="toman">{t('currency.toman')}</option>
                <option value="rial">{t('currency.rial')}</option>
              </select>
            )}
          </Field>
        ) : (
          <p className="field-hint settings-fixed" data-testid="import-amount-unit-fixed">
            {t('import.settings.amountUnitFixed', { currency: settings.currency })}
          </p>
        )}
      </div>

      <div className="settings-group">
        <Field
          label={t('import.settings.source')}
          hint={t('import.settings.sourceHint')}
          error={sourceIssue ? reasonText(t, sourceIssue) : null}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              value={source}
              maxLength={SOURCE_MAX + 20}
              onChange={(event) => setOptions({ source: event.target.value })}
              data-testid="import-source"
            />
          )}
        </Field>
        <Field
          label={t('import.settings.returnPrefix')}
          hint={t('import.settings.returnPrefixHint')}
        >
          {(control) => (
            <input
              {...control}
              className="input input-prefix"
              dir="ltr"
              value={returnPrefix}
              maxLength={RETURN_PREFIX_MAX}
              onChange={(event) => setOptions({ returnPrefix: event.target.value })}
              data-testid="import-return-prefix"
            />
          )}
        </Field>
      </div>
    </div>
  );
}
