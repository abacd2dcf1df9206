import type { SettingSlot } from '../core/messages/smtp-settings.ts';
import { createMemorySecretStore } from '../core/messages/secret-store.ts';
import type { SecretStore } from '../core/messages/secret-store.ts';

/** The part of Electron's safeStorage the password needs (a fake stands in for it in tests). */
export type SafeStorageLike = {
  isEncryptionAvailable: () => boolean;
  encryptString: (plain: string) => Buffer;
  decryptString: (sealed: Buffer) => string;
  /** Linux only: 'basic_text' means no keyring, and the "encryption" uses a fixed key. */
  getSelectedStorageBackend?: () => string;
};

/**
 * The desktop app's SMTP password: sealed by the operating system's key store (Keychain, DPAPI,
 * the Linux keyring) and kept as base64 in a settings row, so the database never holds it in
 * clear. Where the system has no key store (Linux without a keyring falls back to a fixed key,
 * which is no protection), it is held in memory only and the settings say so.
 */
export const createSafeStorageSecretStore = (
  safe: SafeStorageLike,
  slot: SettingSlot,
): SecretStore => {
  const hasKeyStore = () =>
    safe.isEncryptionAvailable() && safe.getSelectedStorageBackend?.() !== 'basic_text';
  if (!hasKeyStore()) {
    // Whatever was sealed before cannot be trusted to open now; it is not shown as kept.
    return createMemorySecretStore();
  }
  return {
    storage: 'encrypted',
    save: (plain) => slot.write(safe.encryptString(plain).toString('base64')),
    read: () => {
      const sealed = slot.read();
      if (typeof sealed !== 'string' || sealed === '') return null;
      try {
        return safe.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        // Sealed by another user or machine (a copied database): ask for the password again.
        return null;
      }
    },
    forget: () => slot.write(null),
  };
};
