import type { ChannelName, OutputOf, ParsedInputOf } from '../../src-shared/contract/channels.ts';
import { clearDemoShop, createDemoShop } from './app/demo.service.ts';
import type { CoreContext, HostInfo } from './context.ts';
import {
  archiveCustomer,
  createCustomer,
  getCustomerProfile,
  listCustomers,
  listTags,
  mergeCustomers,
  updateCustomer,
} from './customers/customers.service.ts';
import {
  archiveOrder,
  createOrder,
  getOrder,
  listOrders,
  updateOrder,
} from './orders/orders.service.ts';
import { createExportJobs } from './exports/export-jobs.ts';
import type { ExportJobs } from './exports/export-jobs.ts';
import type { ImportService } from './imports/imports.service.ts';
import { getKpiSeries } from './kpis/kpi-series.ts';
import { getKpis } from './kpis/kpis.service.ts';
import { afterSalesChanged, updateLoyaltyQuietly } from './loyalty/after-sales.ts';
import {
  adjustPoints,
  getLoyaltyCustomer,
  getLoyaltyRules,
  getTierDistribution,
  listNearNextTier,
  previewTiers,
  redeemPoints,
  saveLoyaltyRules,
} from './loyalty/loyalty.service.ts';
import { smsListForDownload } from './messages/sms-list.ts';
import { emlZip } from './messages/eml.ts';
import { createMemorySecretStore } from './messages/secret-store.ts';
import { audienceSummary, createEmailService } from './messages/send.service.ts';
import type { EmailService } from './messages/send.service.ts';
import {
  deleteTemplate,
  listTemplates,
  previewTemplate,
  saveTemplate,
} from './messages/templates.service.ts';
import { logContact } from './playbook/contacts.service.ts';
import { runPlaybook } from './playbook/playbook.ts';
import { getPlaybookSettings, updatePlaybookSettings } from './playbook/playbook-settings.ts';
import { importSurveyData } from './playbook/survey-import.ts';
import { recordSurvey } from './playbook/surveys.service.ts';
import {
  assignTask,
  completeTask,
  dismissTask,
  getTask,
  listToday,
  logCall,
  snoozeTask,
} from './playbook/tasks.service.ts';
import { getSettings, updateSettings } from './settings/settings.service.ts';
import { archiveStaff, createStaff, listStaff, updateStaff } from './staff/staff.service.ts';

export type Handlers = {
  [C in ChannelName]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>>;
};

/** The service behind every contract channel: the one map both the IPC and HTTP bridges call. */
export const createHandlers = (
  ctx: CoreContext,
  host: HostInfo,
  imports: ImportService,
  /** The app's export jobs (core.ts closes them); a fresh set where nothing needs closing. */
  exportJobs: ExportJobs = createExportJobs(ctx),
  /** SMTP and sends (core.ts closes it); else one keeping the password in memory. */
  email: EmailService = createEmailService(ctx, {
    secrets: createMemorySecretStore(),
    systemLocale: host.systemLocale,
  }),
): Handlers => {
  /** An order change, then its points and tiers (which never fail the change itself). */
  const withLoyalty = async <R>(change: Promise<R>): Promise<R> => {
    const result = await change;
    await updateLoyaltyQuietly(ctx);
    return result;
  };
  return handlersOf(ctx, host, imports, exportJobs, email, withLoyalty);
};

const handlersOf = (
  ctx: CoreContext,
  host: HostInfo,
  imports: ImportService,
  exportJobs: ExportJobs,
  email: EmailService,
  withLoyalty: <R>(change: Promise<R>) => Promise<R>,
): Handlers => ({
  'app:info': async () => ({
    version: host.version,
    schemaVersion: ctx.database.schemaVersion,
    databasePath: ctx.database.path,
    systemLocale: host.systemLocale,
    host: host.host === 'desktop' ? 'desktop' : 'browser',
  }),
  'settings:get': () => getSettings(ctx),
  'settings:update': (input) => updateSettings(ctx, input),
  'demo:create': async (input) => {
    const summary = await createDemoShop(ctx, input);
    // A demo shop opens with its points, tiers and Today list ready, as a shop with real sales
    // would.
    await afterSalesChanged(ctx);
    return summary;
  },
  'demo:clear': () => clearDemoShop(ctx),
  'customers:list': (input) => listCustomers(ctx, input),
  'customers:get': (input) => getCustomerProfile(ctx, input.id),
  'customers:create': (input) => createCustomer(ctx, input),
  'customers:update': (input) => updateCustomer(ctx, input.id, input.patch),
  'customers:archive': (input) => archiveCustomer(ctx, input.id, input.archived),
  'customers:merge': async (input) => {
    const profile = await mergeCustomers(ctx, input.keepId, input.mergeId);
    // The duplicate's orders earn their points on the customer kept, with its balance.
    await updateLoyaltyQuietly(ctx);
    return profile;
  },
  'customers:tags': () => listTags(ctx),
  'orders:list': (input) => listOrders(ctx, input),
  'orders:get': (input) => getOrder(ctx, input.id),
  // A sale, a refund, a voided or archived order: points and tiers follow at once.
  'orders:create': (input) => withLoyalty(createOrder(ctx, input)),
  'orders:update': (input) => withLoyalty(updateOrder(ctx, input.id, input.patch)),
  'orders:archive': (input) => withLoyalty(archiveOrder(ctx, input.id, input.archived)),
  'staff:list': () => listStaff(ctx),
  'staff:create': (input) => createStaff(ctx, input),
  'staff:update': (input) => updateStaff(ctx, input.id, input.patch),
  'staff:archive': (input) => archiveStaff(ctx, input.id, input.archived),
  'playbook:run': (input) => runPlaybook(ctx, input.date ? { date: input.date } : {}),
  'playbook:settings': () => getPlaybookSettings(ctx),
  'playbook:settings-update': (input) => updatePlaybookSettings(ctx, input),
  'tasks:today': (input) => listToday(ctx, input),
  'tasks:get': (input) => getTask(ctx, input.id),
  'tasks:complete': (input) => completeTask(ctx, input),
  'tasks:snooze': (input) => snoozeTask(ctx, input),
  'tasks:assign': (input) => assignTask(ctx, input),
  'tasks:dismiss': (input) => dismissTask(ctx, input),
  'tasks:log-call': (input) => logCall(ctx, input),
  'contacts:log': (input) => logContact(ctx, input),
  'surveys:record': (input) => recordSurvey(ctx, input),
  'surveys:import': (input) => importSurveyData(ctx, input),
  'kpis:get': (input) => getKpis(ctx, input),
  'loyalty:settings': () => getLoyaltyRules(ctx),
  'loyalty:settings-update': (input) => saveLoyaltyRules(ctx, input),
  'loyalty:preview': (input) => previewTiers(ctx, input),
  'loyalty:distribution': () => getTierDistribution(ctx),
  'loyalty:near-next-tier': (input) => listNearNextTier(ctx, input),
  'loyalty:customer': (input) => getLoyaltyCustomer(ctx, input.customerId),
  'loyalty:adjust': (input) => adjustPoints(ctx, input),
  'loyalty:redeem': (input) => redeemPoints(ctx, input),
  'kpis:series': (input) => getKpiSeries(ctx, input),
  'templates:list': (input) => listTemplates(ctx, input),
  'templates:save': (input) => saveTemplate(ctx, input),
  'templates:delete': (input) => deleteTemplate(ctx, input.id),
  'templates:preview': (input) => previewTemplate(ctx, input),
  'import:upload-begin': (input) => imports.uploadBegin(input),
  'import:upload-chunk': (input) => imports.uploadChunk(input),
  'import:upload-end': (input) => imports.uploadEnd(input.fileId),
  'import:preview': (input) => imports.preview(input),
  'import:start': (input) => imports.start(input.fileId, input.plan, input.dryRun),
  'import:job': async (input) => imports.job(input.jobId),
  'import:cancel': async (input) => imports.cancel(input.jobId),
  'import:current': async () => ({ job: imports.current() }),
  'import:discard': async (input) => ({ discarded: imports.discard(input.fileId) }),
  'import:history': async () => imports.history(),
  'import:batch': async (input) => imports.batch(input.batchId),
  'import:undo': async (input) => {
    const batch = imports.undo(input.batchId);
    // The batch's points are reversed and tiers follow; follow-ups about purchases that are
    // gone close now, not at tomorrow's run; the undo stands whatever the run does.
    await afterSalesChanged(ctx).catch((error: unknown) => console.error('[playbook]', error));
    return batch;
  },
  'import:rejected': async (input) =>
    imports.rejected(input.batchId, input.offset ?? 0, input.limit ?? 100),
  'import:rejected-csv': async (input) => imports.rejectedCsv(input.batchId),
  'exports:start': (input) => exportJobs.start(input),
  'exports:job': async (input) => exportJobs.job(input.jobId),
  'exports:cancel': (input) => exportJobs.cancel(input.jobId),
  'exports:take': (input) => exportJobs.take(input.jobId),
  'messages:audience': (input) => audienceSummary(ctx, input),
  'messages:send': (input) => email.send(input),
  'messages:job': async (input) => email.job(input.jobId),
  'messages:cancel': async (input) => email.cancel(input.jobId),
  'messages:results': async (input) => email.results(input),
  'messages:eml': (input) => emlZip(ctx, input),
  'messages:sms-list': (input) => smsListForDownload(ctx, input),
  'smtp:get': async () => email.smtpGet(),
  'smtp:save': async (input) => email.smtpSave(input),
  'smtp:test': (input) => email.smtpTest(input),
  'import:presets': async () => imports.presets(),
  'import:preset-save': async (input) => imports.savePreset(input),
  'import:preset-delete': async (input) => imports.deletePreset(input.id),
});
