import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FeedSettings } from './read-and-match.ts';
import { readThreadUrl, startReadThread } from './read-thread-start.ts';
import { readOnThread } from './read-thread.ts';
import type { Applier } from './row-sink.ts';
import { workerUrl } from './run-in-worker.ts';

describe('the import worker script', () => {
  it('is the TypeScript source when running from the sources', () => {
    const url = workerUrl();
    expect(url.pathname).toMatch(/src-main\/core\/imports\/run-worker\.ts$/);
    expect(existsSync(fileURLToPath(url))).toBe(true);
  });

  it('is the bundle written beside the desktop main.js once built', () => {
    // scripts/build-node.ts writes dist/electron/import-worker.js next to dist/electron/main.js.
    expect(workerUrl('file:///app/resources/app.asar/dist/electron/main.js').href).toBe(
      'file:///app/resources/app.asar/dist/electron/import-worker.js',
    );
  });
});

describe("the run's reading thread script", () => {
  it('is the TypeScript source when running from the sources', () => {
    const url = readThreadUrl();
    expect(url.pathname).toMatch(/src-main\/core\/imports\/read-thread-worker\.ts$/);
    expect(existsSync(fileURLToPath(url))).toBe(true);
  });

  it('is the bundle written beside import-worker.js, which starts it', () => {
    // scripts/build-node.ts writes dist/electron/import-reader.js beside import-worker.js.
    expect(
      readThreadUrl('file:///app/resources/app.asar/dist/electron/import-worker.js').href,
    ).toBe('file:///app/resources/app.asar/dist/electron/import-reader.js');
  });
});

describe('a reading thread started ahead of its run', () => {
  it('hands the run the reason it stopped before the run began listening', async () => {
    const worker = startReadThread(join(tmpdir(), 'bazgasht-no-such-dir', 'shop.db'));
    // (events.once would reject on the thread's 'error' event, which is the run's to report.)
    await new Promise((resolve) => worker.once('exit', resolve));
    const settings = {} as FeedSettings; // never sent: the thread has stopped
    const feed = readOnThread(worker, {} as Applier, settings, {
      startedAt: 0,
      isCancelled: () => false,
      onChunk: () => {},
    });
    await expect(feed).rejects.toThrow(/Cannot open database/);
  });
});
