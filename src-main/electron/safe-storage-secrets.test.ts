import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext } from '../../tests/fixtures/core.ts';
import type { CoreContext } from '../core/context.ts';
import { sealedPasswordSlot } from '../core/messages/smtp-settings.ts';
import { createEmailService } from '../core/messages/send.service.ts';
import { createSafeStorageSecretStore } from './safe-storage-secrets.ts';
import type { SafeStorageLike } from './safe-storage-secrets.ts';

// Electron's safeStorage cannot run here; a fake with the same shape seals by XOR with a key that
// stands for the operating system's.
const KEY = 0x5a;
const xor = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ KEY));
const fakeSafeStorage = (overrides: Partial<SafeStorageLike> = {}): SafeStorageLike => ({
  isEncryptionAvailable: () => true,
  encryptString: (plain) => xor(Buffer.from(`v10${plain}`, 'utf8')),
  decryptString: (sealed) => {
    const text = xor(sealed).toString('utf8');
    if (!text.startsWith('v10')) throw new Error('Error while decrypting the ciphertext');
    return text.slice(3);
  },
  getSelectedStorageBackend: () => 'gnome_libsecret',
  ...overrides,
});

let ctx: CoreContext;
let remove: () => Promise<void>;
beforeEach(() => {
  ({ ctx, remove } = makeTestContext());
});
afterEach(() => remove());

const PASSWORD = 'Tehran-Shop-Secret-9';

const settingsRows = () =>
  JSON.stringify(ctx.database.sqlite.prepare('SELECT key, value FROM settings').all());

describe('the desktop SMTP password store (safeStorage)', () => {
  it('keeps the password sealed in the settings table, never in clear in the database file', async () => {
    const safe = fakeSafeStorage();
    const secrets = createSafeStorageSecretStore(safe, sealedPasswordSlot(ctx));
    const service = createEmailService(ctx, { secrets, systemLocale: 'en' });
    const saved = service.smtpSave({
      host: 'mail.example.com',
      port: 587,
      security: 'starttls',
      user: 'shop',
      password: PASSWORD,
      fromAddress: 'shop@example.com',
      fromName: 'Shop',
    });
    expect(saved).toMatchObject({ passwordSaved: true, passwordStorage: 'encrypted' });
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
    // What is stored is safeStorage's sealed bytes in base64, and it opens again.
    const sealed = safe.encryptString(PASSWORD).toString('base64');
    expect(sealedPasswordSlot(ctx).read()).toBe(sealed);
    expect(createSafeStorageSecretStore(safe, sealedPasswordSlot(ctx)).read()).toBe(PASSWORD);
    // Not in clear in any row, nor anywhere in the file and its write-ahead log.
    expect(settingsRows()).not.toContain(PASSWORD);
    ctx.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of [ctx.database.path, `${ctx.database.path}-wal`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(PASSWORD, 'utf8')), file).toBe(false);
      expect(bytes.includes(Buffer.from(PASSWORD, 'utf16le')), file).toBe(false);
    }
    await service.close();
  });

  it('forgets the sealed password when asked', () => {
    const secrets = createSafeStorageSecretStore(fakeSafeStorage(), sealedPasswordSlot(ctx));
    secrets.save(PASSWORD);
    secrets.forget();
    expect(secrets.read()).toBeNull();
    expect(sealedPasswordSlot(ctx).read()).toBeNull();
  });

  it('asks again for a password sealed elsewhere (a copied database)', () => {
    sealedPasswordSlot(ctx).write(Buffer.from('not sealed here').toString('base64'));
    const secrets = createSafeStorageSecretStore(fakeSafeStorage(), sealedPasswordSlot(ctx));
    expect(secrets.read()).toBeNull();
  });

  it.each([
    ['no encryption available', { isEncryptionAvailable: () => false }],
    ['a Linux desktop without a keyring', { getSelectedStorageBackend: () => 'basic_text' }],
  ])('keeps the password in memory only with %s', (_name, overrides) => {
    const secrets = createSafeStorageSecretStore(
      fakeSafeStorage(overrides),
      sealedPasswordSlot(ctx),
    );
    expect(secrets.storage).toBe('memory');
    secrets.save(PASSWORD);
    expect(secrets.read()).toBe(PASSWORD);
    expect(sealedPasswordSlot(ctx).read()).toBeNull();
    expect(settingsRows()).not.toContain(PASSWORD);
  });
});
