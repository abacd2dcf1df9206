import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { ImportPreset, ImportPreview } from '../../../src-shared/contract/index.ts';
import type { ColumnMapping } from '../../../src-shared/domain/import-fields.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText, reasonText } from '../../app/i18n/error-text.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useToast } from '../../components/use-toast.ts';
import { fieldsByHeader } from './field-mapping.ts';
import { presetName } from './import-text.ts';
import type { PreviewChange, PreviewRequest } from './preview-request.ts';
import type { Presets } from './use-presets.ts';

type Props = {
  presets: Presets;
  preview: ImportPreview;
  request: PreviewRequest;
  /** The columns as the user last set them. */
  mapping: ColumnMapping;
  fileName: string;
  onChange: (change: PreviewChange) => void;
};

const CUSTOM = '';

/**
 * The preset the columns came from (a known export, or one the user saved), to pick another,
 * save the current choices under a name, or delete a saved one.
 */
export function PresetPicker({
  presets: { presets, reload, replace },
  preview,
  request,
  mapping,
  fileName,
  onChange,
}: Props) {
  const { t } = useLocale();
  const api = useApi();
  const toast = useToast();
  const [isSaving, setSaving] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const selectId = useId();

  const isCustom = request.mapping !== undefined || preview.detected.preset === null;
  const current = isCustom ? CUSTOM : (request.presetId ?? preview.detected.preset ?? CUSTOM);
  const selected = presets.find((preset) => preset.id === current) ?? null;
  const builtIn = presets.filter((preset) => preset.builtIn);
  const saved = presets.filter((preset) => !preset.builtIn);

  const save = async (name: string) => {
    const preset = await api.call('import:preset-save', {
      name,
      fields: fieldsByHeader(preview.headers, mapping),
      options: preview.plan.options,
    });
    setSaving(false);
    toast.show({
      message: t('import.preset.savedToast', { name: isolate(preset.name) }),
      tone: 'success',
      testId: 'import-preset-toast',
    });
    await reload();
    onChange({ kind: 'preset', presetId: preset.id });
  };

  const remove = async (preset: ImportPreset) => {
    replace(await api.call('import:preset-delete', { id: preset.id }));
    setDeleting(false);
    toast.show({
      message: t('import.preset.deletedToast', { name: isolate(preset.name) }),
      testId: 'import-preset-toast',
    });
    if (request.presetId === preset.id) {
      onChange({
        kind: 'presetGone',
        mapping,
        options: { ...preview.plan.options },
      });
    }
  };

  return (
    <div className="preset-picker">
      <label className="field-label" htmlFor={selectId}>
        {t('import.preset.label')}
      </label>
      <select
        id={selectId}
        className="input preset-select"
        value={current}
        onChange={(event) => {
          if (event.target.value !== CUSTOM)
            onChange({ kind: 'preset', presetId: event.target.value });
        }}
        data-testid="import-preset"
      >
        {isCustom ? <option value={CUSTOM}>{t('import.preset.custom')}</option> : null}
        <optgroup label={t('import.preset.builtIn')}>
          {builtIn.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {presetName(t, preset)}
            </option>
          ))}
        </optgroup>
        {saved.length > 0 ? (
          <optgroup label={t('import.preset.saved')}>
            {saved.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
      <button
        type="button"
        className="button"
        onClick={() => setSaving(true)}
        data-testid="import-preset-save"
      >
        {t('import.preset.save')}
      </button>
      {selected && !selected.builtIn ? (
        <button
          type="button"
          className="button button-ghost"
          onClick={() => setDeleting(true)}
          data-testid="import-preset-delete"
        >
          {t('import.preset.delete')}
        </button>
      ) : null}

      {isSaving ? (
        <SavePresetDialog
          initialName={selected && !selected.builtIn ? selected.name : baseName(fileName)}
          onSave={save}
          onClose={() => setSaving(false)}
        />
      ) : null}
      {isDeleting && selected ? (
        <ConfirmDialog
          title={t('import.preset.deleteTitle', { name: isolate(selected.name) })}
          confirmLabel={t('import.preset.delete')}
          tone="danger"
          initialFocus="cancel"
          onConfirm={() => remove(selected)}
          onClose={() => setDeleting(false)}
          testId="import-preset-delete-dialog"
        >
          <p>{t('import.preset.deleteBody')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

const baseName = (fileName: string): string => fileName.replace(/\.[^.]+$/, '').slice(0, 80);

function SavePresetDialog({
  initialName,
  onSave,
  onClose,
}: {
  initialName: string;
  onSave: (name: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const [name, setName] = useState(initialName);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const formId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setNameError(reasonText(t, 'required'));
      return;
    }
    setNameError(null);
    setError(null);
    setBusy(true);
    try {
      await onSave(trimmed);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('import.preset.saveTitle')}
      onClose={onClose}
      isDismissible={!isBusy}
      size="small"
      testId="import-preset-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={isBusy}>
            {t('common.cancel')}
          </button>
          <BusyButton
            type="submit"
            form={formId}
            className="button button-primary"
            isBusy={isBusy}
            busyLabel={t('common.saving')}
            data-testid="import-preset-dialog-save"
          >
            {t('common.save')}
          </BusyButton>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="dialog-lead">{t('import.preset.saveLead')}</p>
        <Field label={t('import.preset.name')} hint={t('import.preset.nameHint')} error={nameError}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={name}
              maxLength={80}
              onChange={(event) => setName(event.target.value)}
              data-autofocus
              data-testid="import-preset-name"
            />
          )}
        </Field>
        <FormError message={error ? errorText(t, error) : null} />
      </form>
    </Dialog>
  );
}
