import type { z } from 'zod';
import { AppError } from '../../../src-shared/contract/errors.ts';
import { smtpSave } from '../../../src-shared/contract/schemas.ts';
import type { SmtpSettings } from '../../../src-shared/contract/types.ts';
import type { CoreContext } from '../context.ts';
import { nowIso } from '../context.ts';
import type { SecretStore } from './secret-store.ts';
import { readSettingValue, writeSettingValue } from '../settings/setting-value.ts';

/**
 * The shop's outgoing mail server (DESIGN.md §6), kept in the settings table like the other
 * settings: one JSON value under `smtp`. The password is not part of it: a SecretStore keeps it.
 */

export type SmtpSaveInput = z.output<typeof smtpSave>;
/** What is stored: everything the settings screen shows but the password. */
export type SmtpConfig = Omit<SmtpSaveInput, 'password'>;

const SMTP_KEY = 'smtp';
const storedConfig = smtpSave.omit({ password: true });

const DEFAULT_CONFIG: SmtpConfig = {
  host: '',
  port: 587,
  security: 'starttls',
  user: '',
  fromAddress: '',
  fromName: '',
};

/** One settings row as a slot holding a JSON value; null when missing or cleared. */
export type SettingSlot = { read: () => unknown; write: (value: unknown) => void };

/**
 * A settings row read and written on its own (the SMTP settings, the sealed password), outside
 * getSettings, whose keys are the shop's general settings. Cleared rows hold JSON null rather
 * than being removed (rows are never deleted: DESIGN.md sync rules).
 */
export const settingSlot = (ctx: CoreContext, key: string): SettingSlot => ({
  read: () => readSettingValue(ctx.database.sqlite, key) ?? null,
  write: (value) => writeSettingValue(ctx.database.sqlite, key, value ?? null, nowIso(ctx)),
});

/** Where the desktop app keeps the password sealed by the operating system (base64). */
export const sealedPasswordSlot = (ctx: CoreContext): SettingSlot =>
  settingSlot(ctx, 'smtpPasswordSealed');

/** The saved server settings; a damaged or hand-edited value reads as not configured. */
export const readSmtpConfig = (ctx: CoreContext): SmtpConfig => {
  const parsed = storedConfig.safeParse(settingSlot(ctx, SMTP_KEY).read());
  return parsed.success ? parsed.data : { ...DEFAULT_CONFIG };
};

const isConfigured = (config: SmtpConfig): boolean =>
  config.host !== '' && config.fromAddress !== '';

export const getSmtpSettings = (ctx: CoreContext, secrets: SecretStore): SmtpSettings => {
  const config = readSmtpConfig(ctx);
  return {
    ...config,
    passwordSaved: secrets.read() !== null,
    passwordStorage: secrets.storage,
    configured: isConfigured(config),
  };
};

// Loose on purpose: the server has the last word; this only catches a slip of the keyboard.
const EMAIL_ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

export const isEmailAddress = (text: string): boolean => EMAIL_ADDRESS.test(text);

/** Saves the server settings; the password left out stays, an empty one is forgotten. */
export const saveSmtpSettings = (
  ctx: CoreContext,
  secrets: SecretStore,
  input: SmtpSaveInput,
): SmtpSettings => {
  if (!isEmailAddress(input.fromAddress)) {
    throw new AppError('bad_input', `${input.fromAddress} is not an email address.`, {
      field: 'fromAddress',
      reason: 'invalid_email',
    });
  }
  const { password, ...config } = input;
  settingSlot(ctx, SMTP_KEY).write(config);
  if (password === '') secrets.forget();
  else if (password !== undefined) secrets.save(password);
  return getSmtpSettings(ctx, secrets);
};

/** What a connection needs: the settings and the password (null when the server takes none). */
export type SmtpAccess = { config: SmtpConfig; password: string | null };

/**
 * The settings to connect with, or a clear refusal: no server or sender saved, or a user name
 * without a password (in serve mode and the CLI, a password is asked for again each run).
 */
export const requireSmtp = (ctx: CoreContext, secrets: SecretStore): SmtpAccess => {
  const config = readSmtpConfig(ctx);
  if (!isConfigured(config)) {
    throw new AppError(
      'smtp_not_configured',
      'No outgoing mail server is set up: save its host and the sender address first.',
      { reason: 'no_server' },
    );
  }
  const password = secrets.read();
  if (config.user !== '' && password === null) {
    throw new AppError(
      'smtp_not_configured',
      `The password of ${config.user} on ${config.host} is not known` +
        (secrets.storage === 'memory' ? ' in this run: enter it again.' : ': enter it again.'),
      { reason: 'no_password' },
    );
  }
  return { config, password };
};

/** Timeouts (ms) for reaching a server; tests shorten them. */
export type SmtpTimeouts = { connection: number; greeting: number; socket: number };

export const DEFAULT_SMTP_TIMEOUTS: SmtpTimeouts = {
  connection: 20_000,
  greeting: 15_000,
  socket: 60_000,
};

/**
 * nodemailer's options for one pooled connection: 'tls' is TLS from the first byte (port 465),
 * 'starttls' requires the upgrade (port 587; refused if the server does not offer it), 'none'
 * never encrypts (a relay on the shop's own network).
 */
export const transportOptionsOf = (
  { config, password }: SmtpAccess,
  timeouts: SmtpTimeouts = DEFAULT_SMTP_TIMEOUTS,
) => ({
  pool: true as const,
  maxConnections: 1,
  maxMessages: Infinity,
  host: config.host,
  port: config.port,
  secure: config.security === 'tls',
  requireTLS: config.security === 'starttls',
  ignoreTLS: config.security === 'none',
  ...(config.user !== '' && { auth: { user: config.user, pass: password ?? '' } }),
  connectionTimeout: timeouts.connection,
  greetingTimeout: timeouts.greeting,
  socketTimeout: timeouts.socket,
});
