import type { ChannelName } from './channels.ts';

/**
 * The contract's channel names without its schemas, for the preload: sandboxed and privileged, it
 * should hold as little code as possible. A test keeps this list equal to the contract's keys.
 */
export const CHANNEL_NAME_LIST = [
  'app:info',
  'settings:get',
  'settings:update',
  'demo:create',
  'demo:clear',
  'customers:list',
  'customers:get',
  'customers:create',
  'customers:update',
  'customers:archive',
  'customers:merge',
  'customers:tags',
  'orders:list',
  'orders:get',
  'orders:create',
  'orders:update',
  'orders:archive',
  'staff:list',
  'staff:create',
  'staff:update',
  'staff:archive',
  'playbook:run',
  'playbook:settings',
  'playbook:settings-update',
  'tasks:today',
  'tasks:get',
  'tasks:complete',
  'tasks:snooze',
  'tasks:assign',
  'tasks:dismiss',
  'tasks:log-call',
  'contacts:log',
  'surveys:record',
  'surveys:import',
  'kpis:get',
  'import:upload-begin',
  'import:upload-chunk',
  'import:upload-end',
  'import:preview',
  'import:start',
  'import:job',
  'import:cancel',
  'import:current',
  'import:discard',
  'import:history',
  'import:batch',
  'import:undo',
  'import:rejected',
  'import:rejected-csv',
  'import:presets',
  'import:preset-save',
  'import:preset-delete',
] as const satisfies readonly ChannelName[];

const NAMES = new Set<string>(CHANNEL_NAME_LIST);

export const isKnownChannelName = (value: unknown): value is ChannelName =>
  typeof value === 'string' && NAMES.has(value);
