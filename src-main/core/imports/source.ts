/**
 * The importer's file-reading layer (DESIGN.md §5): what kind of file the user picked, how to read
 * it (encoding, delimiter, sheet), a preview sample, and then every row, streamed. Everything
 * after this (header row, column mapping, values) works on rows of text fields with line numbers,
 * the same for a CSV in any encoding and for an .xlsx sheet.
 */
import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../src-shared/contract/errors.ts';
import {
  createDelimitedParser,
  createFileParser,
  detectDelimiter,
  sepLineDelimiter,
} from './delimited.ts';
import type { Delimiter, RawRow } from './delimited.ts';
import { bomLength, createChunkDecoder, decodeSample, detectEncoding } from './text-decoding.ts';
import type { EncodingName } from './text-decoding.ts';
import {
  OLE2_MAGIC,
  isEncryptedOoxml,
  isXlsxEntries,
  openXlsxSheet,
  readOle2StreamNames,
  readSheetNames,
  readZipEntries,
} from './xlsx.ts';
import type { XlsxSheetReader } from './xlsx.ts';

export type { Delimiter, RawRow } from './delimited.ts';
export type { EncodingName } from './text-decoding.ts';

export type FileFormat = 'delimited' | 'xlsx';

export type ReadSettings = {
  format: FileFormat;
  encoding: EncodingName;
  delimiter: Delimiter;
  sheet?: string;
};

export type Sniffed = {
  format: FileFormat;
  /** Detected (or the override). */
  encoding: EncodingName;
  hasBom: boolean;
  /** Detected (or the override); ',' for xlsx. */
  delimiter: Delimiter;
  /** A first line `sep=;` (Excel's hint) was found and honoured; it is not a data row. */
  sepLine: boolean;
  /** xlsx sheet names ([] for text). */
  sheets: string[];
  /** The sheet read (first by default). */
  sheet: string | null;
  /** The first rows (up to maxRows), parsed with these settings. */
  rows: RawRow[];
  totalBytes: number;
  /** true when rows stop because the sample budget ran out rather than at the end of the file. */
  truncated: boolean;
  /** Human-facing warnings as codes, e.g. 'nul_bytes', 'mixed_line_endings', 'decoding_errors' (replacement chars seen). */
  warnings: string[];
};

export type RowReader = {
  /** Batches of rows in file order (about 1,000 rows each), header included (the caller skips it). */
  batches: AsyncIterable<RawRow[]>;
  /** Bytes consumed so far (xlsx: compressed bytes of the sheet), for progress. */
  position: () => number;
  /** Total bytes (xlsx: the sheet's compressed size, known once the first batch is read). */
  total: number;
};

const MIB = 1024 * 1024;
const DEFAULT_MAX_BYTES = MIB;
const DEFAULT_MAX_ROWS = 200;
// Smaller than the ~2,000 first planned: rows waiting in a batch are what V8's young-generation
// collector copies, and at 2,000 it grew its young generation to 128 MB in a quarter of the runs
// over a 100 MB file (peak RSS 218 MB), at 1,000 in none (150 MB), for the same speed.
const BATCH_ROWS = 1000;

// --- errors ---------------------------------------------------------------------------------

const badInput = (path: string, reason: string, message: string): AppError =>
  new AppError('bad_input', message, { file: basename(path), reason });

const errnoCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

function fileError(path: string, error: unknown): AppError {
  const name = basename(path);
  switch (errnoCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return badInput(path, 'file_not_found', `Cannot open ${name}: the file does not exist.`);
    case 'EISDIR':
      return badInput(path, 'unreadable_file', `Cannot read ${name}: it is a folder, not a file.`);
    case 'EACCES':
    case 'EPERM':
      return badInput(path, 'unreadable_file', `Cannot read ${name}: permission denied.`);
    case 'EBUSY':
      return badInput(
        path,
        'unreadable_file',
        `Cannot read ${name}: another program is using it; close it there and try again.`,
      );
    default:
      return badInput(
        path,
        'unreadable_file',
        `Cannot read ${name}: ${error instanceof Error ? error.message : String(error)}.`,
      );
  }
}

const emptyFile = (path: string): AppError =>
  badInput(path, 'empty_file', `${basename(path)} is empty: there is nothing to import.`);

const legacyXls = (path: string): AppError =>
  badInput(
    path,
    'legacy_xls',
    `${basename(path)} is an old-style Excel file (.xls), which cannot be read; ` +
      'open it in Excel and save it as .xlsx or "CSV UTF-8", then import that file.',
  );

const encryptedXlsx = (path: string): AppError =>
  badInput(
    path,
    'encrypted_xlsx',
    `${basename(path)} is protected with a password; open it in Excel, remove the password ` +
      '(File > Info > Protect Workbook) and save it, then import it again.',
  );

const notATable = (path: string, what: string): AppError =>
  badInput(
    path,
    'not_a_table',
    `${basename(path)} is ${what}, not a table of sales; import a CSV, TSV or TXT export or an ` +
      'Excel .xlsx file.',
  );

async function openFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileError(path, error);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    return { handle, size: stat.size };
  } catch (error) {
    await handle.close();
    throw fileError(path, error);
  }
}

async function readHead(handle: FileHandle, length: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, 0);
  return buffer.subarray(0, bytesRead);
}

// --- what kind of file -------------------------------------------------------------------------

const hasPrefix = (bytes: Uint8Array, prefix: readonly number[] | string): boolean => {
  const codes = typeof prefix === 'string' ? [...prefix].map((ch) => ch.charCodeAt(0)) : prefix;
  return bytes.length >= codes.length && codes.every((code, i) => bytes[i] === code);
};

// Formats people pick by mistake, recognised by their first bytes so the message can name them.
const OTHER_FORMATS: readonly { prefix: readonly number[] | string; what: string }[] = [
  { prefix: '%PDF-', what: 'a PDF document' },
  { prefix: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'an image (PNG)' },
  { prefix: [0xff, 0xd8, 0xff], what: 'an image (JPEG)' },
  { prefix: 'GIF87a', what: 'an image (GIF)' },
  { prefix: 'GIF89a', what: 'an image (GIF)' },
  { prefix: [0x1f, 0x8b], what: 'a compressed archive (gzip)' },
  { prefix: 'Rar!', what: 'a compressed archive (RAR)' },
  { prefix: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a compressed archive (7z)' },
];

// A zip starts with a local file header, or, when it is empty, with the end record.
const ZIP_PREFIXES: readonly string[] = ['PK\x03\x04', 'PK\x05\x06'];

type Container = { kind: 'xlsx'; sheets: string[] } | { kind: 'text' };

/**
 * Decides by content, not by extension: shops' software names CSV files .xls and the other way
 * round. Throws for everything that is neither an .xlsx nor (possibly) text.
 */
async function inspectContainer(
  path: string,
  handle: FileHandle,
  size: number,
  head: Uint8Array,
): Promise<Container> {
  if (hasPrefix(head, OLE2_MAGIC)) {
    throw isEncryptedOoxml(await readOle2StreamNames(handle, size))
      ? encryptedXlsx(path)
      : legacyXls(path);
  }
  if (ZIP_PREFIXES.some((prefix) => hasPrefix(head, prefix))) {
    const entries = await readZipEntries(handle, size);
    if (!entries) throw notATable(path, 'a damaged or unsupported zip archive');
    if (!isXlsxEntries(entries)) throw notATable(path, 'a zip archive');
    const sheets = await readSheetNames(handle, entries);
    if (!sheets) throw unreadableXlsx(path, 'its list of sheets is missing or damaged');
    return { kind: 'xlsx', sheets };
  }
  const other = OTHER_FORMATS.find((format) => hasPrefix(head, format.prefix));
  if (other) throw notATable(path, other.what);
  return { kind: 'text' };
}

/**
 * Binary files that no magic number above names (programs, databases, odd formats) decode to
 * text full of control characters; real exports have at most a few stray NULs.
 */
function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    // Tab, LF, VT, FF, CR, and SUB (the old DOS end-of-file mark) appear in real text.
    if (code < 0x20 && !(code >= 0x09 && code <= 0x0d) && code !== 0x1a) controls += 1;
  }
  return controls > sample.length * 0.1;
}

// Iranian web-based accounting and shop software often exports an HTML table named .xls, and
// Excel 2003 could save XML spreadsheets; neither is a delimited file.
const MARKUP_START = /^\s*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|table[\s>]|\?xml)/i;

// --- xlsx ------------------------------------------------------------------------------------

function unreadableXlsx(path: string, detail: string): AppError {
  return badInput(
    path,
    'unreadable_xlsx',
    `${basename(path)} could not be read as an Excel workbook (${detail}); open it in Excel, ` +
      'save it again as .xlsx or "CSV UTF-8" and import that file.',
  );
}

function sheetNumber(path: string, sheets: readonly string[], sheet: string | undefined): number {
  if (sheets.length === 0) throw unreadableXlsx(path, 'it has no sheets');
  if (sheet === undefined) return 1;
  const index = sheets.indexOf(sheet);
  if (index < 0) {
    throw badInput(
      path,
      'sheet_not_found',
      `${basename(path)} has no sheet named "${sheet}"; its sheets are ${sheets
        .map((name) => `"${name}"`)
        .join(', ')}.`,
    );
  }
  return index + 1;
}

/**
 * A sheet's rows in batches, streamed (see openXlsxSheet), with the reader's errors as
 * AppErrors; `onOpen` gets the reader once the workbook's parts are found, for progress.
 */
async function* xlsxBatches(
  path: string,
  number: number,
  batchRows: number,
  onOpen: (reader: XlsxSheetReader) => void = () => undefined,
): AsyncGenerator<RawRow[]> {
  try {
    const reader = await openXlsxSheet(path, number, batchRows);
    onOpen(reader);
    yield* reader.batches;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (errnoCode(error)) throw fileError(path, error);
    throw unreadableXlsx(path, error instanceof Error ? error.message : String(error));
  }
}

async function xlsxSheets(path: string): Promise<string[]> {
  const { handle, size } = await openFile(path);
  try {
    const head = await readHead(handle, 8);
    if (head.length === 0) throw emptyFile(path);
    const container = await inspectContainer(path, handle, size, head);
    if (container.kind !== 'xlsx') throw unreadableXlsx(path, 'it is not an .xlsx file');
    return container.sheets;
  } finally {
    await handle.close();
  }
}

// --- sniffing ---------------------------------------------------------------------------------

/**
 * Reads at most the first maxBytes (default 1 MiB) and maxRows (default 200) of a text file, so it
 * takes milliseconds whatever the file size; of an .xlsx sheet it reads only the first rows.
 * Overrides replace detection.
 *
 * @throws AppError bad_input with details { file, reason }: 'file_not_found', 'unreadable_file',
 * 'empty_file', 'legacy_xls' (any OLE2 file), 'encrypted_xlsx', 'not_a_table' (pdf, images,
 * archives, other binary, HTML/XML), 'unreadable_xlsx', 'sheet_not_found'.
 */
export async function sniffFile(
  path: string,
  overrides: Partial<Pick<ReadSettings, 'encoding' | 'delimiter' | 'sheet'>> = {},
  limits: { maxBytes?: number; maxRows?: number } = {},
): Promise<Sniffed> {
  const maxBytes = Math.max(1, limits.maxBytes ?? DEFAULT_MAX_BYTES);
  const maxRows = Math.max(0, limits.maxRows ?? DEFAULT_MAX_ROWS);
  const { handle, size } = await openFile(path);
  let head: Uint8Array;
  let container: Container;
  try {
    if (size === 0) throw emptyFile(path);
    // Magic numbers need a few bytes even when the caller asks for a tiny sample.
    head = await readHead(handle, Math.min(size, Math.max(maxBytes, 16)));
    if (head.length === 0) throw emptyFile(path);
    container = await inspectContainer(path, handle, size, head);
  } finally {
    await handle.close();
  }

  if (container.kind === 'xlsx') {
    const number = sheetNumber(path, container.sheets, overrides.sheet);
    // One row past the limit tells whether there is more; leaving the loop closes the file.
    const rows: RawRow[] = [];
    for await (const batch of xlsxBatches(path, number, maxRows + 1)) {
      rows.push(...batch);
      if (rows.length > maxRows) break;
    }
    return {
      format: 'xlsx',
      encoding: 'utf-8',
      hasBom: false,
      delimiter: ',',
      sepLine: false,
      sheets: container.sheets,
      sheet: container.sheets[number - 1] ?? null,
      rows: rows.slice(0, maxRows),
      totalBytes: size,
      truncated: rows.length > maxRows,
      warnings: [],
    };
  }

  const sample = head.length > maxBytes ? head.subarray(0, maxBytes) : head;
  const isWholeFile = sample.length === size;
  const detected = detectEncoding(sample, isWholeFile);
  const encoding = overrides.encoding ?? detected.encoding;
  const skip = bomLength(sample, encoding);
  const text = decodeSample(sample.subarray(skip), encoding, isWholeFile);

  if (overrides.encoding === undefined && looksBinary(text)) {
    throw notATable(path, 'not a text or Excel file');
  }
  if (MARKUP_START.test(text.slice(0, 1024))) {
    throw notATable(path, 'a web page or XML file saved under a spreadsheet name');
  }

  const sepDelimiter = sepLineDelimiter(text);
  const delimiter = overrides.delimiter ?? sepDelimiter ?? detectDelimiter(text, isWholeFile);
  const parser = createDelimitedParser(delimiter, { skipFirstLine: sepDelimiter !== null });
  const rows = parser.push(text);
  if (isWholeFile) rows.push(...parser.end());

  const warnings: string[] = [];
  if (text.includes('\0')) warnings.push('nul_bytes');
  if (text.includes('\uFFFD')) warnings.push('decoding_errors');
  const endings = parser.lineEndings();
  if ([endings.crlf, endings.lf, endings.cr].filter((count) => count > 0).length > 1) {
    warnings.push('mixed_line_endings');
  }
  if (parser.hasUnterminatedQuote()) warnings.push('unterminated_quote');

  return {
    format: 'delimited',
    encoding,
    hasBom: skip > 0,
    delimiter,
    sepLine: sepDelimiter !== null,
    sheets: [],
    sheet: null,
    rows: rows.slice(0, maxRows),
    totalBytes: size,
    truncated: !isWholeFile || rows.length > maxRows,
    warnings,
  };
}

// --- reading everything -----------------------------------------------------------------------

/**
 * Every row of the file with the settings the user confirmed on the preview, streamed: text files
 * in 1 MiB chunks (memory stays flat whatever the file size), an .xlsx sheet inflated and parsed
 * as it is read. Iterating `batches` again reads the file again; stopping early
 * closes it. A `sep=` first line is skipped whatever the delimiter setting.
 *
 * Fields can be slices of the decoded text around them: a caller that keeps many of them for long
 * (ids for de-duplication) should keep normalised copies rather than the fields themselves.
 *
 * @throws AppError bad_input (file_not_found, unreadable_file) at once if the file cannot be
 * opened; errors while reading come from the iteration (as sniffFile's).
 */
export function readRows(
  path: string,
  settings: ReadSettings,
  /** For tests: the size of each read, to put chunk boundaries anywhere. */
  internal: { chunkBytes?: number } = {},
): RowReader {
  // A file that has gone since the preview fails here, before any progress is shown.
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw fileError(path, error);
  }
  return settings.format === 'xlsx'
    ? readXlsxRows(path, settings)
    : readDelimitedRows(path, settings, size, internal.chunkBytes ?? MIB);
}

function readDelimitedRows(
  path: string,
  settings: ReadSettings,
  total: number,
  chunkBytes: number,
): RowReader {
  let position = 0;

  async function* batches(): AsyncGenerator<RawRow[]> {
    position = 0;
    const { handle } = await openFile(path);
    try {
      // The first read is at least as long as any BOM.
      const buffer = Buffer.allocUnsafe(Math.max(4, chunkBytes));
      const decoder = createChunkDecoder(settings.encoding);
      const parser = createFileParser(settings.delimiter);
      // Handed on as soon as a batch is full, not per read chunk (see BATCH_ROWS).
      let batch: RawRow[] = [];
      for (let isFirst = true; ; isFirst = false) {
        const length = isFirst ? buffer.length : chunkBytes;
        const { bytesRead } = await handle.read(buffer, 0, length, position);
        if (bytesRead === 0) break;
        position += bytesRead;
        let bytes = buffer.subarray(0, bytesRead);
        if (isFirst) bytes = bytes.subarray(bomLength(bytes, settings.encoding));
        for (const text of decoder.decode(bytes)) {
          for (const row of parser.push(text)) {
            batch.push(row);
            if (batch.length === BATCH_ROWS) {
              yield batch;
              batch = [];
            }
          }
        }
      }
      for (const row of parser.push(decoder.end())) batch.push(row);
      for (const row of parser.end()) batch.push(row);
      if (batch.length > 0) yield batch;
    } finally {
      await handle.close();
    }
  }

  return { batches: { [Symbol.asyncIterator]: batches }, position: () => position, total };
}

function readXlsxRows(path: string, settings: ReadSettings): RowReader {
  let sheet: XlsxSheetReader | null = null;

  async function* batches(): AsyncGenerator<RawRow[]> {
    sheet = null;
    const sheets = await xlsxSheets(path);
    const number = sheetNumber(path, sheets, settings.sheet);
    yield* xlsxBatches(path, number, BATCH_ROWS, (reader) => {
      sheet = reader;
    });
  }

  return {
    batches: { [Symbol.asyncIterator]: batches },
    position: () => sheet?.position() ?? 0,
    // Known once the workbook's parts are found, which the first batch waits for.
    get total() {
      return sheet?.total ?? 0;
    },
  };
}
