import type { z } from 'zod';
import * as s from './schemas.ts';
import type {
  AppInfo,
  Customer,
  CustomerProfile,
  CustomerRow,
  DemoSummary,
  Order,
  Page,
  Settings,
  Staff,
} from './types.ts';

/** A channel: its input schema (checked at runtime on the core side) and its output type. */
type Channel<I extends z.ZodType, O> = { input: I; output?: O };
const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });

/**
 * The one contract between the UI and the core. Every call the renderer makes, over Electron IPC
 * or the HTTP bridge, is one of these; the list of names is data, so the preload and the bridge
 * reject anything else.
 */
export const contract = {
  /** Version, database location and host; never fails once the database is open. */
  'app:info': channel<AppInfo>()(s.emptyInput),
  'settings:get': channel<Settings>()(s.emptyInput),
  /** Saves the given fields and returns the whole settings. */
  'settings:update': channel<Settings>()(s.settingsPatch),
  /** Fills an empty database with a generated shop (refused with `conflict` when data exists). */
  'demo:create': channel<DemoSummary>()(s.demoCreate),
  /** Empties a demo shop so the owner can start with their own data (refused unless isDemo). */
  'demo:clear': channel<Settings>()(s.emptyInput),
  /** The customer book: Persian- and phone-aware search, sort, filter and paging. */
  'customers:list': channel<Page<CustomerRow>>()(s.customersList),
  'customers:get': channel<CustomerProfile>()(s.byId),
  'customers:create': channel<Customer>()(s.customerCreate),
  'customers:update': channel<Customer>()(s.customerUpdate),
  /** Archives (hides) or restores a customer; archiving is undone by restoring. */
  'customers:archive': channel<Customer>()(s.customerArchive),
  /** Moves orders, contacts, notes, tags and ids of mergeId into keepId; mergeId is archived. */
  'customers:merge': channel<CustomerProfile>()(s.customerMerge),
  /** Distinct tags in use, for the filter. */
  'customers:tags': channel<string[]>()(s.emptyInput),
  'orders:list': channel<Page<Order>>()(s.ordersList),
  'orders:get': channel<Order>()(s.byId),
  'orders:create': channel<Order>()(s.orderCreate),
  'orders:update': channel<Order>()(s.orderUpdate),
  'orders:archive': channel<Order>()(s.orderArchive),
  'staff:list': channel<Staff[]>()(s.emptyInput),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = NonNullable<Contract[C]['output']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export const isChannelName = (value: unknown): value is ChannelName =>
  typeof value === 'string' && Object.hasOwn(contract, value);
