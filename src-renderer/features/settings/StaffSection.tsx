import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Staff } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';
import { useStaff } from '../../app/use-staff.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useToast } from '../../components/use-toast.ts';

/**
 * The staff list: add, rename, archive (with undo) and restore. Archived people keep their
 * history on the timelines but can no longer be picked.
 */
export function StaffSection() {
  const { t, fmt } = useLocale();
  const staff = useStaff();
  const archived = staff.all.filter((member) => member.archivedAt !== null);
  return (
    <section
      className="card staff-card"
      aria-labelledby="settings-staff"
      data-testid="staff-section"
    >
      <h2 id="settings-staff" className="card-title">
        {t('staff.title')}
        <span className="card-count">{fmt.number(staff.active.length)}</span>
      </h2>
      <p className="muted">{t('staff.lead')}</p>
      {staff.active.length === 0 ? (
        <p className="section-empty" data-testid="staff-empty">
          {t('staff.empty')}
        </p>
      ) : (
        <ul className="staff-list" data-testid="staff-list">
          {staff.active.map((member) => (
            <StaffRow key={member.id} member={member} />
          ))}
        </ul>
      )}
      <AddStaff />
      {archived.length > 0 ? (
        <details className="staff-archived">
          <summary>{t('staff.archivedList', { count: archived.length })}</summary>
          <ul className="staff-list">
            {archived.map((member) => (
              <StaffRow key={member.id} member={member} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function StaffRow({ member }: { member: Staff }) {
  const { t } = useLocale();
  const api = useApi();
  const staff = useStaff();
  const { settings, replace } = useSettings();
  const toast = useToast();
  const [isRenaming, setRenaming] = useState(false);
  const [name, setName] = useState(member.name);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const isArchived = member.archivedAt !== null;

  const setArchived = async (archived: boolean): Promise<void> => {
    const next = await api.call('staff:archive', { id: member.id, archived });
    staff.upsert(next);
    // Archiving whoever is working leaves nobody in particular working: the core says so.
    if (archived && settings.currentStaffId === member.id) {
      replace(await api.call('settings:get', {}));
    }
  };

  const archive = async () => {
    setBusy(true);
    try {
      await setArchived(true);
      toast.show({
        message: t('staff.archived', { name: member.name }),
        testId: 'staff-archived-toast',
        action: {
          label: t('common.undo'),
          onAction: async () => {
            try {
              await setArchived(false);
            } catch (caught) {
              toast.show({ message: errorText(t, caught), tone: 'error' });
            }
          },
        },
      });
    } catch (caught) {
      toast.show({ message: errorText(t, caught), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    setBusy(true);
    try {
      await setArchived(false);
      toast.show({ message: t('staff.restored', { name: member.name }) });
    } catch (caught) {
      toast.show({ message: errorText(t, caught), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return setError(t('validation.required'));
    if (trimmed === member.name) return setRenaming(false);
    setBusy(true);
    setError(null);
    try {
      const next = await api.call('staff:update', { id: member.id, patch: { name: trimmed } });
      staff.upsert(next);
      setRenaming(false);
      toast.show({ message: t('staff.renamed', { name: next.name }) });
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  if (isRenaming) {
    return (
      <li className="staff-row">
        <form className="staff-rename" onSubmit={(event) => void rename(event)} noValidate>
          <Field label={t('staff.renameLabel', { name: member.name })} error={error}>
            {(control) => (
              <input
                {...control}
                className="input"
                value={name}
                maxLength={120}
                autoFocus
                onChange={(event) => setName(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') {
                    event.preventDefault();
                    setRenaming(false);
                    setName(member.name);
                  }
                }}
                data-testid="staff-rename-input"
              />
            )}
          </Field>
          <div className="staff-row-actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setRenaming(false);
                setName(member.name);
                setError(null);
              }}
            >
              {t('common.cancel')}
            </button>
            <BusyButton
              type="submit"
              className="button button-small button-primary"
              isBusy={isBusy}
              busyLabel={t('common.saving')}
              data-testid="staff-rename-save"
            >
              {t('common.save')}
            </BusyButton>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li className="staff-row" data-testid="staff-row">
      <span className="staff-name">
        <span data-testid="staff-name">{member.name}</span>
        {member.role ? <span className="muted"> · {member.role}</span> : null}
        {member.id === settings.currentStaffId ? (
          <span className="pill pill-status-completed">{t('staff.workingNow')}</span>
        ) : null}
      </span>
      <span className="staff-row-actions">
        {isArchived ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => void restore()}
            disabled={isBusy}
            data-testid="staff-restore"
          >
            {t('staff.restore')}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button button-small"
              onClick={() => setRenaming(true)}
              disabled={isBusy}
              data-testid="staff-rename"
            >
              {t('staff.rename')}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => void archive()}
              disabled={isBusy}
              data-testid="staff-archive"
            >
              {t('staff.archive')}
            </button>
          </>
        )}
      </span>
    </li>
  );
}

function AddStaff() {
  const { t } = useLocale();
  const api = useApi();
  const staff = useStaff();
  const toast = useToast();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return setNameError(t('validation.required'));
    setBusy(true);
    setNameError(null);
    setFormError(null);
    try {
      const created = await api.call('staff:create', {
        name: trimmed,
        ...(role.trim() !== '' && { role: role.trim() }),
      });
      staff.upsert(created);
      setName('');
      setRole('');
      toast.show({ message: t('staff.added', { name: created.name }), testId: 'staff-added' });
    } catch (caught) {
      setFormError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="staff-add" onSubmit={(event) => void submit(event)} noValidate>
      <Field label={t('staff.name')} error={nameError} testId="staff-add-name">
        {(control) => (
          <input
            {...control}
            className="input"
            value={name}
            maxLength={120}
            onChange={(event) => {
              setName(event.target.value);
              setNameError(null);
            }}
            data-testid="staff-add-name"
          />
        )}
      </Field>
      <Field label={t('staff.role')}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={role}
            maxLength={60}
            onChange={(event) => setRole(event.target.value)}
            data-testid="staff-add-role"
          />
        )}
      </Field>
      <BusyButton
        type="submit"
        className="button staff-add-submit"
        isBusy={isBusy}
        busyLabel={t('common.saving')}
        data-testid="staff-add-submit"
      >
        {t('staff.add')}
      </BusyButton>
      <div className="staff-add-error">
        <FormError message={formError} />
      </div>
    </form>
  );
}
