import type { Locale } from '../locale.ts';
import { en } from './en.ts';
import type { Catalogue } from './en.ts';
import { fa } from './fa.ts';

export type { Catalogue, MessageKey } from './en.ts';
export type { Message, PluralMessage } from './types.ts';

/** Every language's catalogue; the Catalogue type makes each one carry every key. */
export const catalogues: Readonly<Record<Locale, Catalogue>> = { en, fa };
