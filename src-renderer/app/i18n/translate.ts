// The translator lives in src-shared (the desktop shell and the CLI use it too).
export { createTranslator } from '../../../src-shared/i18n/translate.ts';
export type { T, TParams } from '../../../src-shared/i18n/translate.ts';
