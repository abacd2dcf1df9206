import type { Api } from '../../../src-shared/contract/index.ts';

/**
 * Lets the core delete a staged file the user will not import (another file is chosen, the
 * import is cancelled, the screen left). Nothing waits for it and a refusal changes nothing for
 * the user: the file may be gone already, and the core keeps the staging folder only until it
 * closes anyway.
 */
export function discardStaged(api: Api, fileId: string): void {
  api.call('import:discard', { fileId }).catch(() => {});
}
