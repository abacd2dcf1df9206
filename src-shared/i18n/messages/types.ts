/**
 * A message is a template with `{name}` placeholders, or plural forms chosen by the `count`
 * parameter with Intl.PluralRules (English needs `one`/`other`; Persian usually needs no forms).
 */
export type PluralMessage = { readonly one: string; readonly other: string };
export type Message = string | PluralMessage;
