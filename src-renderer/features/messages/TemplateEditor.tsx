import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { MessageTemplate } from '../../../src-shared/contract/index.ts';
import {
  MESSAGE_CHANNELS,
  PLACEHOLDERS,
  TEMPLATE_LIMITS,
} from '../../../src-shared/domain/message-template.ts';
import type { MessageChannel } from '../../../src-shared/domain/message-template.ts';
import type { Locale } from '../../../src-shared/i18n/locale.ts';
import type { T } from '../../../src-shared/i18n/translate.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useLeaveGuard } from '../../app/use-leave-guard.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { SendPanel } from './SendPanel.tsx';
import { TemplatePreviewPane } from './TemplatePreviewPane.tsx';
import type { CustomerChoice } from './TemplatePreviewPane.tsx';
import {
  LOCALES,
  checkDraft,
  draftOf,
  insertAtCursor,
  isSameDraft,
  placeholderToken,
  saveInputOf,
  saveProblemOf,
} from './template-draft.ts';
import type { DraftField, DraftProblems, FieldProblem, TemplateDraft } from './template-draft.ts';
import { LeaveGuardDialog } from '../../components/LeaveGuardDialog.tsx';

function problemText(t: T, problem: FieldProblem | undefined): string | null {
  if (!problem) return null;
  switch (problem.reason) {
    case 'required':
      return t('messages.error.required');
    case 'too_long':
      return t('messages.error.tooLong');
    case 'invalid':
      return t('messages.error.invalid');
    case 'unknown_placeholder':
      // Isolated, so its braces keep their order inside a right-to-left sentence.
      return t('messages.error.unknownPlaceholder', {
        placeholder: `\u2068{${problem.placeholder}}\u2069`,
      });
  }
}

type Props = {
  /** The saved template being edited; null for a new one. */
  template: MessageTemplate | null;
  /** What a new template starts from (unused once it is saved). */
  initial: TemplateDraft;
  choice: CustomerChoice;
  smsLimit: number;
  onSmsLimit: (limit: number) => void;
  onSaved: (template: MessageTemplate) => void;
  onDeleted: (remaining: MessageTemplate[], name: string) => void;
  /** Cancel on a template never saved: back to the list's choice. */
  onDropNew: () => void;
};

/**
 * One template's editor (DESIGN.md §6): name, channel, language, an email's subject and the
 * body, with buttons that put a placeholder where the cursor is, beside a live preview for a
 * customer. Saving asks the core, which refuses a name in braces that is not a placeholder; the
 * refusal is shown on its field. Once saved and unchanged, the template can be sent.
 */
export function TemplateEditor({
  template,
  initial,
  choice,
  smsLimit,
  onSmsLimit,
  onSaved,
  onDeleted,
  onDropNew,
}: Props) {
  const { t, locale: appLocale } = useLocale();
  const api = useApi();
  const [saved, setSaved] = useState<MessageTemplate | null>(template);
  // Kept as it was when the editor opened: a new template's name in the language of that moment.
  const [start] = useState(initial);
  const base = saved ? draftOf(saved) : start;
  const [draft, setDraft] = useState<TemplateDraft>(base);
  const [problems, setProblems] = useState<DraftProblems>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const subjectInput = useRef<HTMLInputElement>(null);
  const bodyInput = useRef<HTMLTextAreaElement>(null);
  /** Where a placeholder goes: the text field last focused (the body to begin with). */
  const target = useRef<'subject' | 'body'>('body');
  /** The caret to put back once an inserted placeholder is rendered. */
  const pendingCaret = useRef<{ field: 'subject' | 'body'; at: number } | null>(null);

  const isDirty = !isSameDraft(draft, base);
  const isNew = saved === null;
  const leaveGuard = useLeaveGuard(isDirty, () => setDraft(base));

  const edit = (patch: Partial<TemplateDraft>, field?: DraftField) => {
    setDraft((current) => ({ ...current, ...patch }));
    if (field) setProblems(({ [field]: _, ...rest }) => rest);
    setFormError(null);
    setStatus(null);
  };

  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    if (!caret) return;
    pendingCaret.current = null;
    const input = caret.field === 'subject' ? subjectInput.current : bodyInput.current;
    input?.focus();
    input?.setSelectionRange(caret.at, caret.at);
  }, [draft.subject, draft.body]);

  const insert = (token: string) => {
    const field = draft.channel === 'email' ? target.current : 'body';
    const input = field === 'subject' ? subjectInput.current : bodyInput.current;
    const text = draft[field];
    const start = input?.selectionStart ?? text.length;
    const end = input?.selectionEnd ?? start;
    const result = insertAtCursor(text, start, end, token);
    pendingCaret.current = { field, at: result.caret };
    edit({ [field]: result.text }, field);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (isSaving || (!isDirty && !isNew)) return;
    const checked = checkDraft(draft);
    if (Object.keys(checked).length > 0) {
      setProblems(checked);
      setFormError(t('messages.error.check'));
      requestAnimationFrame(() =>
        form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setSaving(true);
    try {
      const result = await api.call('templates:save', saveInputOf(draft));
      setSaved(result);
      setDraft(draftOf(result));
      setProblems({});
      setStatus(t('messages.saved'));
      onSaved(result);
    } catch (error) {
      const refused = saveProblemOf(error);
      if (refused) {
        setProblems({ [refused.field]: refused.problem });
        requestAnimationFrame(() =>
          form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
        );
      } else {
        setFormError(errorText(t, error));
      }
    } finally {
      setSaving(false);
    }
  };

  // Ctrl+S (Cmd+S) saves, as in any editor, rather than saving the web page.
  const submitRef = useRef(submit);
  useLayoutEffect(() => {
    submitRef.current = submit;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.code !== 'KeyS') return;
      event.preventDefault();
      if (document.querySelector('dialog[open]')) return;
      void submitRef.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const channelLabel = (channel: MessageChannel) => t(`messages.channel.${channel}`);
  const languageLabel = (locale: Locale) => t(`messages.language.${locale}`);
  const dir = draft.locale === 'fa' ? 'rtl' : 'ltr';

  return (
    <>
      <div className="template-workspace">
        <form
          ref={form}
          className="card form template-editor"
          aria-label={t('messages.editor.label')}
          onSubmit={(event) => void submit(event)}
          noValidate
          data-testid="template-editor"
        >
          <div className="template-editor-heading">
            <h2 className="card-title" data-testid="template-title">
              <bdi>{saved?.name ?? t('messages.newName')}</bdi>
            </h2>
            {saved?.moment ? (
              <span className="pill">
                {t('messages.momentOf', { moment: t(`messages.moment.${saved.moment}`) })}
              </span>
            ) : null}
          </div>

          <div className="template-meta">
            <Field
              label={t('messages.field.name')}
              hint={t('messages.field.nameHint')}
              error={problemText(t, problems.name)}
              className="template-name"
              testId="template-name"
            >
              {(control) => (
                <input
                  {...control}
                  className="input"
                  value={draft.name}
                  maxLength={TEMPLATE_LIMITS.nameMax}
                  onChange={(event) => edit({ name: event.target.value }, 'name')}
                  data-testid="template-name"
                />
              )}
            </Field>
            <Field label={t('messages.field.channel')}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={draft.channel}
                  onChange={(event) => {
                    edit({ channel: event.target.value as MessageChannel }, 'subject');
                    target.current = 'body';
                  }}
                  data-testid="template-channel"
                >
                  {MESSAGE_CHANNELS.map((channel) => (
                    <option key={channel} value={channel}>
                      {channelLabel(channel)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('messages.field.language')}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={draft.locale}
                  onChange={(event) => edit({ locale: event.target.value as Locale })}
                  data-testid="template-locale"
                >
                  {LOCALES.map((locale) => (
                    <option key={locale} value={locale}>
                      {languageLabel(locale)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>

          {draft.channel === 'email' ? (
            <Field
              label={t('messages.field.subject')}
              error={problemText(t, problems.subject)}
              testId="template-subject"
            >
              {(control) => (
                <input
                  {...control}
                  ref={subjectInput}
                  className="input"
                  dir={dir}
                  lang={draft.locale}
                  value={draft.subject}
                  maxLength={TEMPLATE_LIMITS.subjectMax}
                  onFocus={() => {
                    target.current = 'subject';
                  }}
                  onChange={(event) => edit({ subject: event.target.value }, 'subject')}
                  data-testid="template-subject"
                />
              )}
            </Field>
          ) : null}

          <Field
            label={t('messages.field.body')}
            hint={t('messages.field.bodyHint', {
              example: `\u2068${placeholderToken('firstName', draft.locale)}\u2069`,
            })}
            error={problemText(t, problems.body)}
            testId="template-body"
          >
            {(control) => (
              <>
                <div
                  className="placeholder-bar"
                  role="group"
                  aria-label={t('messages.insert.label')}
                >
                  {PLACEHOLDERS.map((name) => {
                    const token = placeholderToken(name, draft.locale);
                    const label = t(`messages.placeholder.${name}`);
                    return (
                      <button
                        key={name}
                        type="button"
                        className="placeholder-chip"
                        title={t('messages.insert.of', { name: label })}
                        // Keeps the caret where it is in the text while the button is pressed.
                        onMouseDown={(event) => event.preventDefault()}
                        onClick={() => insert(token)}
                        data-testid={`insert-${name}`}
                      >
                        {/* In the app's own language the name says it; in the other, the label. */}
                        {draft.locale === appLocale ? null : (
                          <span className="placeholder-chip-label">{label}</span>
                        )}
                        <bdi className="placeholder-chip-token" dir={dir}>
                          {token}
                        </bdi>
                      </button>
                    );
                  })}
                </div>
                <textarea
                  {...control}
                  ref={bodyInput}
                  className="input textarea template-body"
                  dir={dir}
                  lang={draft.locale}
                  rows={draft.channel === 'sms' ? 5 : 10}
                  value={draft.body}
                  maxLength={TEMPLATE_LIMITS.bodyMax}
                  onFocus={() => {
                    target.current = 'body';
                  }}
                  onChange={(event) => edit({ body: event.target.value }, 'body')}
                  data-testid="template-body"
                />
              </>
            )}
          </Field>

          <FormError message={formError} />
          <DialogActions
            isDirty={isDirty || isNew}
            isBusy={isSaving}
            onCancel={() => {
              if (isNew) onDropNew();
              setDraft(base);
              setProblems({});
              setFormError(null);
            }}
            submitLabel={t('messages.save')}
            submitTestId="template-save"
            cancelTestId="template-cancel"
            hint={
              saved ? (
                <button
                  type="button"
                  className="button button-ghost template-delete"
                  onClick={() => setDeleting(true)}
                  disabled={isSaving}
                  data-testid="template-delete"
                >
                  {t('messages.delete')}
                </button>
              ) : null
            }
          />
          <div className="template-footnote">
            <span className="template-save-status" role="status" data-testid="template-status">
              {status !== null && !isDirty ? status : ''}
            </span>
            <span className="field-hint">{t('messages.saveShortcut')}</span>
          </div>
        </form>

        <TemplatePreviewPane
          draft={draft}
          choice={choice}
          smsLimit={smsLimit}
          onSmsLimit={onSmsLimit}
        />
      </div>

      {saved && !isDirty ? <SendPanel template={saved} /> : null}

      {isDeleting && saved ? (
        <ConfirmDialog
          title={t('messages.delete.title', { name: saved.name })}
          confirmLabel={t('messages.delete.confirm')}
          tone="danger"
          initialFocus="cancel"
          onConfirm={async () => {
            const remaining = await api.call('templates:delete', { id: saved.id });
            setDraft(base);
            onDeleted(remaining, saved.name);
          }}
          onClose={() => setDeleting(false)}
          testId="template-delete-dialog"
        >
          <p>{t('messages.delete.body')}</p>
        </ConfirmDialog>
      ) : null}

      <LeaveGuardDialog
        guard={leaveGuard}
        title={t('messages.discard.title')}
        confirmLabel={t('messages.discard.confirm')}
        keepLabel={t('messages.discard.keep')}
        testId="template-discard-dialog"
      >
        <p>{t('messages.discard.body')}</p>
      </LeaveGuardDialog>
    </>
  );
}
