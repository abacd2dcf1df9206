import type { ReactNode } from 'react';
import type {
  CustomerProfile,
  Interaction,
  SurveyResponse,
  Task,
} from '../../../src-shared/contract/index.ts';
import { todayIn } from '../../../src-shared/i18n/locale.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { hrefOf } from '../../app/router.ts';
import { useSettings } from '../../app/use-settings.ts';
import { useStaff } from '../../app/use-staff.ts';
import { SurveyBadge } from '../today/SurveyBadge.tsx';
import { isSurveyCategory } from '../today/survey-draft.ts';
import { useReasonText } from '../today/use-reason-text.ts';

type Props = Pick<CustomerProfile, 'timeline' | 'surveys' | 'tasks'>;

type Entry =
  | { kind: 'contact'; at: string; contact: Interaction; surveys: SurveyResponse[] }
  | { kind: 'survey'; at: string; survey: SurveyResponse }
  | { kind: 'task'; at: string; task: Task };

const isOpen = (task: Task): boolean => task.status === 'open' || task.status === 'snoozed';

/**
 * The customer's follow-ups still to do, then everything that happened, newest first: calls,
 * messages and visits (with the score given in them), survey answers given on their own, and
 * follow-ups closed (done, dismissed, or made needless by a purchase).
 */
export function Timeline({ timeline, surveys, tasks }: Props) {
  const { t } = useLocale();
  const open = tasks.filter(isOpen);
  const surveysOf = new Map<string, SurveyResponse[]>();
  const entries: Entry[] = [];
  for (const survey of surveys) {
    if (survey.interactionId && timeline.some((item) => item.id === survey.interactionId)) {
      surveysOf.set(survey.interactionId, [...(surveysOf.get(survey.interactionId) ?? []), survey]);
    } else {
      entries.push({ kind: 'survey', at: survey.answeredAt, survey });
    }
  }
  for (const contact of timeline) {
    entries.push({
      kind: 'contact',
      at: contact.occurredAt,
      contact,
      surveys: surveysOf.get(contact.id) ?? [],
    });
  }
  // A follow-up closed by the call logged on it reads once, as that call "for the follow-up".
  const closedByCall = new Set(
    timeline
      .filter((item) => item.taskId !== null)
      .map((item) => `${item.taskId}@${item.occurredAt}`),
  );
  for (const task of tasks) {
    if (isOpen(task) || !task.closedAt || closedByCall.has(`${task.id}@${task.closedAt}`)) continue;
    entries.push({ kind: 'task', at: task.closedAt, task });
  }
  entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

  if (entries.length === 0 && open.length === 0) {
    return (
      <div className="section-empty" data-testid="timeline-empty">
        <p className="empty-title">{t('timeline.emptyTitle')}</p>
        <p>{t('timeline.emptyBody')}</p>
      </div>
    );
  }
  const ruleOf = new Map(tasks.map((task) => [task.id, task.rule]));
  return (
    <div className="timeline-sections">
      {open.length > 0 ? <OpenTasks tasks={open} /> : null}
      {entries.length > 0 ? (
        <ol className="timeline" data-testid="timeline">
          {entries.map((entry) =>
            entry.kind === 'contact' ? (
              <ContactEntry
                key={`c-${entry.contact.id}`}
                contact={entry.contact}
                surveys={entry.surveys}
                rule={entry.contact.taskId ? (ruleOf.get(entry.contact.taskId) ?? null) : null}
              />
            ) : entry.kind === 'survey' ? (
              <SurveyEntry key={`s-${entry.survey.id}`} survey={entry.survey} />
            ) : (
              <TaskEntry key={`t-${entry.task.id}`} task={entry.task} />
            ),
          )}
        </ol>
      ) : null}
    </div>
  );
}

function OpenTasks({ tasks }: { tasks: readonly Task[] }) {
  const { t, fmt } = useLocale();
  const { settings } = useSettings();
  const staff = useStaff();
  const reasonText = useReasonText();
  const today = todayIn(new Date(), settings.timeZone);
  return (
    <section className="followups" aria-labelledby="profile-followups" data-testid="profile-tasks">
      <h3 id="profile-followups" className="followups-title">
        {t('today.followUps')}
      </h3>
      <ul className="followup-list">
        {tasks.map((task) => (
          <li
            key={task.id}
            className={`followup priority-${task.priority}`}
            data-testid="profile-task"
            data-rule={task.rule}
          >
            <div className="timeline-head">
              <strong>{t(`task.rule.${task.rule}`)}</strong>
              <span className={`pill pill-priority-${task.priority}`}>
                {t(`task.priority.${task.priority}`)}
              </span>
              <span className="muted">
                {task.status === 'snoozed' && task.dueDate > today
                  ? t('today.task.snoozed', { date: fmt.date(task.dueDate) })
                  : t('today.task.due', { date: fmt.date(task.dueDate) })}
              </span>
            </div>
            <p className="followup-reason">{reasonText(task.reason)}</p>
            <div className="followup-meta">
              {staff.nameOf(task.assigneeId) ? (
                <span className="pill pill-assignee">
                  {t('today.assignedTo', { name: staff.nameOf(task.assigneeId) ?? '' })}
                </span>
              ) : null}
              {task.dueDate <= today ? (
                <a className="followup-link" href={hrefOf({ name: 'today' })}>
                  {t('today.task.openOn')}
                </a>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Entry({ tone, children, testId }: { tone: string; children: ReactNode; testId: string }) {
  return (
    <li className={`timeline-item timeline-${tone}`} data-testid={testId}>
      <span className="timeline-dot" aria-hidden="true" />
      <div className="timeline-body">{children}</div>
    </li>
  );
}

function ByStaff({ id }: { id: string | null }) {
  const { t } = useLocale();
  const staff = useStaff();
  const name = staff.nameOf(id);
  return name ? <span className="muted">{t('today.byStaff', { name })}</span> : null;
}

function ContactEntry({
  contact,
  surveys,
  rule,
}: {
  contact: Interaction;
  surveys: readonly SurveyResponse[];
  rule: Task['rule'] | null;
}) {
  const { t, fmt } = useLocale();
  const sent = sentChannelOf(contact);
  return (
    <Entry tone="contact" testId="timeline-contact">
      <div className="timeline-head">
        {sent ? (
          <strong className="timeline-sent" data-channel={sent}>
            {sent === 'email' ? <EmailIcon /> : <SmsIcon />}
            {t(`timeline.sent.${sent}`)}
          </strong>
        ) : (
          <strong>{t(`interaction.channel.${contact.channel}`)}</strong>
        )}
        {!sent && (contact.direction === 'inbound' || contact.direction === 'outbound') ? (
          <span className="muted">{t(`today.contact.direction.${contact.direction}`)}</span>
        ) : null}
        {contact.outcome ? (
          <span className={`pill outcome-pill outcome-${contact.outcome}`}>
            {t(`interaction.outcome.${contact.outcome}`)}
          </span>
        ) : null}
        {surveys.map((survey) => (
          <SurveyBadge key={survey.id} survey={survey} />
        ))}
      </div>
      <div className="timeline-meta">
        <span>{fmt.dateTime(contact.occurredAt)}</span>
        <ByStaff id={contact.staffId} />
        {rule ? (
          <span className="muted">
            {t('today.contact.forTask', { rule: t(`task.rule.${rule}`) })}
          </span>
        ) : null}
      </div>
      {/* A message's text runs in its own direction: a Persian SMS on an English screen too. */}
      {contact.note ? (
        <p className="timeline-note" dir="auto">
          {contact.note}
        </p>
      ) : null}
      {surveys.map((survey) => (
        <SurveyDetails key={survey.id} survey={survey} />
      ))}
    </Entry>
  );
}

/**
 * An email or SMS that went out (sent by the app and logged with its subject or text as the note,
 * or logged by hand) reads as "Email sent" / "SMS sent" with the text below, rather than as a
 * channel and an "outgoing" with no outcome.
 */
const sentChannelOf = (contact: Interaction): 'email' | 'sms' | null =>
  contact.direction === 'outbound' && (contact.channel === 'email' || contact.channel === 'sms')
    ? contact.channel
    : null;

function EmailIcon() {
  return (
    <svg className="inline-icon" viewBox="0 0 24 24" aria-hidden="true">
      <rect x="3.5" y="5.5" width="17" height="13" rx="2" />
      <path d="m4 7 8 6 8-6" />
    </svg>
  );
}

function SmsIcon() {
  return (
    <svg className="inline-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M5.5 4.5h13a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H10l-4.5 3.5v-3.5a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2Z" />
    </svg>
  );
}

function SurveyEntry({ survey }: { survey: SurveyResponse }) {
  const { t, fmt } = useLocale();
  return (
    <Entry tone="survey" testId="timeline-survey">
      <div className="timeline-head">
        <SurveyBadge survey={survey} />
        <span className="muted">{t(`survey.via.${survey.collectedVia}`)}</span>
      </div>
      <div className="timeline-meta">
        <span>{fmt.dateTime(survey.answeredAt)}</span>
        <ByStaff id={survey.staffId} />
      </div>
      <SurveyDetails survey={survey} />
    </Entry>
  );
}

function SurveyDetails({ survey }: { survey: SurveyResponse }) {
  const { t } = useLocale();
  const category = survey.reasonCategory;
  if (!survey.comment && !category) return null;
  return (
    <p className="timeline-note">
      {category ? (
        <span className="pill">
          {isSurveyCategory(category) ? t(`survey.category.${category}`) : category}
        </span>
      ) : null}{' '}
      {survey.comment ? <q>{survey.comment}</q> : null}
    </p>
  );
}

function TaskEntry({ task }: { task: Task }) {
  const { t, fmt } = useLocale();
  const reasonText = useReasonText();
  return (
    <Entry tone="task" testId="timeline-task">
      <div className="timeline-head">
        <strong>{t('today.task.closed', { rule: t(`task.rule.${task.rule}`) })}</strong>
        {task.resolution ? (
          <span className={`pill resolution-${task.resolution}`}>
            {t(`today.resolution.${task.resolution}`)}
          </span>
        ) : null}
      </div>
      <div className="timeline-meta">
        <span>{fmt.dateTime(task.closedAt)}</span>
        <ByStaff id={task.closedById} />
        {task.dismissReason ? (
          <span className="muted">{t(`today.dismiss.reason.${task.dismissReason}`)}</span>
        ) : null}
      </div>
      <p className="timeline-note">{reasonText(task.reason)}</p>
      {task.note ? <p className="timeline-note">{task.note}</p> : null}
    </Entry>
  );
}
