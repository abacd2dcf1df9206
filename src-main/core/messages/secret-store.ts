/**
 * Where the SMTP password is kept (DESIGN.md §6: never in the database in clear). The desktop app
 * passes a store sealed by the operating system (src-main/electron/safe-storage-secrets.ts); serve
 * mode and the CLI keep it in memory for the run only, so the core never decides how to encrypt.
 */
export type SecretStore = {
  /** 'encrypted': sealed by the operating system and kept; 'memory': gone when the app stops. */
  storage: 'encrypted' | 'memory';
  save: (plain: string) => void;
  read: () => string | null;
  forget: () => void;
};

/** A password held for this run only (serve mode; the CLI starts it from its environment). */
export const createMemorySecretStore = (initial: string | null = null): SecretStore => {
  let secret = initial === '' ? null : initial;
  return {
    storage: 'memory',
    save: (plain) => {
      secret = plain;
    },
    read: () => secret,
    forget: () => {
      secret = null;
    },
  };
};
