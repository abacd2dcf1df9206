/** Data that crosses the bridge between the UI and the core: plain JSON, camelCase. */

import type { CalendarKind, Locale } from '../i18n/locale.ts';

export type { CalendarKind, Locale };
export type DisplayUnit = 'toman' | 'rial';
export type PreferredChannel = 'phone' | 'sms' | 'email' | 'none';

export type Settings = {
  shopName: string;
  /** null: follow the operating system's language. */
  locale: Locale | null;
  calendar: CalendarKind;
  /** ISO 4217 code of the stored amounts; Iranian shops store Rial ('IRR'). */
  currency: string;
  /** Only for IRR: show amounts in Toman (÷10) or Rial. */
  displayUnit: DisplayUnit | null;
  timeZone: string;
  /** The first-run choice (demo or own data) has been made. */
  isOnboarded: boolean;
  /** The data is a generated demo shop, which "start with my own data" clears. */
  isDemo: boolean;
};

export type AppInfo = {
  version: string;
  schemaVersion: number;
  databasePath: string;
  /** The OS language, used when settings.locale is null. */
  systemLocale: Locale;
  host: 'desktop' | 'browser';
};

export type CustomerSort =
  'name' | 'phone' | 'orders' | 'totalSpent' | 'firstPurchaseAt' | 'lastPurchaseAt' | 'createdAt';

/** One row of the customer book. Money is integer minor units of settings.currency. */
export type CustomerRow = {
  id: string;
  name: string;
  /** E.164, or null when unknown. */
  phone: string | null;
  email: string | null;
  tags: string[];
  /** Orders with a positive net amount. */
  orders: number;
  /** Σ (total − refunded) of the customer's orders. */
  totalSpent: number;
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
  doNotContact: boolean;
  archivedAt: string | null;
};

export type Customer = CustomerRow & {
  phoneRaw: string | null;
  birthday: string | null;
  preferredChannel: PreferredChannel;
  notes: string;
  externalIds: { source: string; externalId: string }[];
  mergedIntoId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type OrderItem = {
  id: string;
  productName: string;
  sku: string | null;
  category: string | null;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
};

export type OrderStatus = 'completed' | 'refunded' | 'partially_refunded' | 'void';

export type Order = {
  id: string;
  source: string;
  externalId: string | null;
  customerId: string | null;
  orderedAt: string;
  localDate: string;
  total: number;
  refunded: number;
  status: OrderStatus;
  staffId: string | null;
  note: string;
  archivedAt: string | null;
  items: OrderItem[];
};

export type InteractionChannel =
  'phone' | 'sms' | 'email' | 'in_person' | 'messenger' | 'note' | 'system';
export type InteractionOutcome =
  'reached' | 'no_answer' | 'busy' | 'wrong_number' | 'call_back_later' | 'not_interested';

export type Interaction = {
  id: string;
  customerId: string;
  channel: InteractionChannel;
  direction: 'inbound' | 'outbound' | 'internal';
  outcome: InteractionOutcome | null;
  note: string;
  staffId: string | null;
  occurredAt: string;
};

export type CustomerProfile = {
  customer: Customer;
  orders: Order[];
  /** Contacts and events, newest first. */
  timeline: Interaction[];
};

export type Page<T> = { rows: T[]; total: number };

export type Staff = { id: string; name: string; role: string | null; archivedAt: string | null };

export type DemoSummary = { customers: number; orders: number; items: number; staff: number };
