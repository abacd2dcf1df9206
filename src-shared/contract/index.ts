export * from './channels.ts';
export * from './envelope.ts';
export * from './errors.ts';
export type * from './types.ts';
