import type { MessageTemplate } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { groupTemplates } from './template-draft.ts';

type Props = {
  templates: readonly MessageTemplate[];
  /** The template on show: a saved one's id, 'new' while a new one is written. */
  selected: string | null;
  onSelect: (id: string) => void;
  onNew: () => void;
};

/**
 * The templates by channel and language, the app's language first; a default says which moment
 * of the follow-up playbook it was written for.
 */
export function TemplateList({ templates, selected, onSelect, onNew }: Props) {
  const { t, locale } = useLocale();
  const groups = groupTemplates(templates, locale);
  return (
    <nav className="card template-list" aria-label={t('messages.list.label')}>
      <button
        type="button"
        className="button button-primary template-new"
        onClick={onNew}
        aria-pressed={selected === 'new'}
        data-testid="template-new"
      >
        <span aria-hidden="true">+</span> {t('messages.new')}
      </button>
      {groups.length === 0 ? <p className="muted">{t('messages.list.empty')}</p> : null}
      {groups.map((group) => (
        <section
          key={`${group.channel}-${group.locale}`}
          className="template-group"
          data-testid={`template-group-${group.channel}-${group.locale}`}
        >
          <h2 className="template-group-title">
            {t('messages.group', {
              channel: t(`messages.channel.${group.channel}`),
              language: t(`messages.language.${group.locale}`),
            })}
          </h2>
          <ul className="template-items">
            {group.templates.map((template) => (
              <li key={template.id}>
                <button
                  type="button"
                  className="template-item"
                  aria-current={template.id === selected ? 'true' : undefined}
                  onClick={() => onSelect(template.id)}
                  data-testid="template-item"
                  data-template-id={template.id}
                >
                  {/* Isolated, so an English name keeps its order in the Persian list (and the other
                      way round) while the list keeps one alignment. */}
                  <span className="template-item-name">
                    <bdi lang={template.locale}>{template.name}</bdi>
                  </span>
                  {template.moment ? (
                    <span className="template-item-moment">
                      {t(`messages.moment.${template.moment}`)}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
