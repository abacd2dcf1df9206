import { useCallback, useEffect, useState } from 'react';
import type { MessageTemplate } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { whenLeaveAllowed } from '../../app/leave-guard.ts';
import { useToast } from '../../components/use-toast.ts';
import { TemplateEditor } from './TemplateEditor.tsx';
import { TemplateList } from './TemplateList.tsx';
import { newDraft } from './template-draft.ts';
import { usePreviewCustomers } from './use-preview-customers.ts';
import { useSmsPartLimit } from './use-sms-part-limit.ts';
import './messages.css';
import { LoadFailed } from '../../components/LoadFailed.tsx';

type State =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; templates: MessageTemplate[] };

/**
 * An editor session: which template is open ('new' for one not saved yet), and a number that
 * starts the editor afresh each time the owner opens one, but not when a new one is saved.
 */
type Open = { id: string | 'new' | null; session: number };

/**
 * Messages (DESIGN.md §6): the email and SMS templates by channel and language, the editor with
 * its live preview for a chosen customer, and, for a saved template, sending it.
 */
export function MessagesScreen() {
  const { t, locale } = useLocale();
  const api = useApi();
  const toast = useToast();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [open, setOpen] = useState<Open>({ id: null, session: 0 });
  const [search, setSearch] = useState('');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const customers = usePreviewCustomers(search);
  const [smsLimit, setSmsLimit] = useSmsPartLimit();

  const load = useCallback(async () => {
    try {
      const templates = await api.call('templates:list', {});
      setState({ status: 'ready', templates });
      // The first template opens with the screen, so the preview shows at once.
      setOpen((current) =>
        current.id === null
          ? { id: templates[0]?.id ?? null, session: current.session + 1 }
          : current,
      );
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const openTemplate = (id: string | 'new' | null) =>
    whenLeaveAllowed(() => setOpen((current) => ({ id, session: current.session + 1 })));

  const templates = state.status === 'ready' ? state.templates : [];
  const template = templates.find((candidate) => candidate.id === open.id) ?? null;

  return (
    <div className="screen messages-screen" data-testid="messages-screen">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">{t('messages.title')}</h1>
          <p className="screen-subtitle">{t('messages.lead')}</p>
        </div>
      </header>
      {state.status === 'loading' ? (
        <div className="grid-loading" aria-busy="true" aria-label={t('common.loading')} />
      ) : state.status === 'failed' ? (
        <LoadFailed
          title={t('messages.loadFailed')}
          error={state.error}
          onRetry={() => void load()}
          testId="messages-error"
        />
      ) : (
        <div className="messages-layout">
          <TemplateList
            templates={templates}
            selected={open.id}
            onSelect={(id) => {
              if (id !== open.id) openTemplate(id);
            }}
            onNew={() => openTemplate('new')}
          />
          <div className="messages-main">
            {open.id === 'new' || template ? (
              <TemplateEditor
                key={open.session}
                template={template}
                initial={newDraft(locale, t('messages.newName'))}
                choice={{
                  customers,
                  search,
                  onSearch: setSearch,
                  chosenId,
                  onChoose: setChosenId,
                }}
                smsLimit={smsLimit}
                onSmsLimit={setSmsLimit}
                onSaved={(saved) => {
                  setState((current) =>
                    current.status === 'ready'
                      ? {
                          status: 'ready',
                          templates: [
                            ...current.templates.filter((other) => other.id !== saved.id),
                            saved,
                          ],
                        }
                      : current,
                  );
                  setOpen((current) => ({ ...current, id: saved.id }));
                  // The list's order (by moment, then name) comes from the core; until it
                  // answers, or if it cannot, the saved template is listed last in its group.
                  void api.call('templates:list', {}).then(
                    (list) => setState({ status: 'ready', templates: list }),
                    () => undefined,
                  );
                }}
                onDeleted={(remaining, name) => {
                  setState({ status: 'ready', templates: remaining });
                  setOpen((current) => ({
                    id: remaining[0]?.id ?? null,
                    session: current.session + 1,
                  }));
                  toast.show({ message: t('messages.deleted', { name }) });
                }}
                onDropNew={() =>
                  setOpen((current) => ({
                    id: templates[0]?.id ?? null,
                    session: current.session + 1,
                  }))
                }
              />
            ) : (
              <p className="empty-state" data-testid="messages-pick">
                {t('messages.pick')}
              </p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
