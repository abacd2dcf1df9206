import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportedFile } from '../../../src-shared/contract/types.ts';
import type { ExportFormat } from './table.ts';

export const MIME_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A folder of its own under the system's temporary folder, for one file to hand over. */
export const makeDownloadDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'bazgasht-export-'));

/** A written file's bytes as the renderer saves them (a page cannot be given a path to write). */
export const readForDownload = async (
  path: string,
  fileName: string,
  format: ExportFormat,
  rows: number,
): Promise<ExportedFile> => ({
  fileName,
  mimeType: MIME_TYPES[format],
  base64: (await readFile(path)).toString('base64'),
  rows,
});

/** Writes a file in a temporary folder, hands back its bytes and removes the folder. */
export const writeForDownload = async (
  fileName: string,
  format: ExportFormat,
  write: (path: string) => Promise<{ rows: number }>,
): Promise<ExportedFile> => {
  const dir = await makeDownloadDir();
  try {
    const path = join(dir, fileName);
    const { rows } = await write(path);
    return await readForDownload(path, fileName, format, rows);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
