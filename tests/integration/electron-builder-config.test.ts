import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder cannot package on machines without internet (it downloads Electron), so its
// configuration is checked with electron-builder's own validator and schema instead.
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, logger: { isEnabled: boolean }) => Promise<void>;
};
const { load } = require('js-yaml') as { load: (text: string) => unknown };

const config = load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
const logger = { isEnabled: false, add: () => undefined };

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
  });

  it('is rejected by the same validator when wrong (the check can fail)', async () => {
    await expect(
      validateConfiguration({ ...config, mac: { category: 7, notAnOption: true } }, logger),
    ).rejects.toThrow();
  });

  it('targets Windows, macOS and Linux and ships the built app with SQLite unpacked', () => {
    expect(Object.keys(config)).toEqual(expect.arrayContaining(['win', 'mac', 'linux']));
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**/*']);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect((config.extraMetadata as { main: string }).main).toBe(pkg.main);
  });
});
