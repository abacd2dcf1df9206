/**
 * Excel workbooks: telling an .xlsx from other zip archives and from the OLE2 files that are
 * either legacy .xls or password-protected .xlsx, listing sheet names, and streaming a sheet's
 * rows as text: its zip entry is inflated as it is read and its XML scanned chunk by chunk
 * (xlsx-sheet.ts), so a sheet of any size costs the memory of a batch of rows.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { RawRow } from './delimited.ts';
import { attribute, createSharedStrings, parseDateStyles, readSheetRows } from './xlsx-sheet.ts';

export { cellText, formatExcelDate } from './xlsx-sheet.ts';

const readAt = async (handle: FileHandle, position: number, length: number): Promise<Buffer> => {
  const buffer = Buffer.alloc(Math.max(0, length));
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
  return buffer.subarray(0, bytesRead);
};

// --- zip (the .xlsx container) ---------------------------------------------------------------

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/**
 * The entries of a zip archive from its central directory (at the end of the file), so telling
 * an .xlsx from another zip costs two small reads whatever the file size. Null when the archive
 * has no readable directory (damaged, truncated, or zip64, which no sales export needs).
 */
export async function readZipEntries(handle: FileHandle, size: number): Promise<ZipEntry[] | null> {
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let eocd = -1;
  for (let at = tail.length - EOCD_SIZE; at >= 0; at -= 1) {
    if (tail.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (directoryOffset + directorySize > size) return null;
  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    entries.push({
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An Office Open XML spreadsheet, as opposed to a .docx, an .ods or a zip of CSV files. */
export const isXlsxEntries = (entries: readonly ZipEntry[]): boolean =>
  entries.some((entry) => entry.name === '[Content_Types].xml') &&
  entries.some((entry) => entry.name === 'xl/workbook.xml');

const MAX_WORKBOOK_XML = 16 * 1024 * 1024;

/** Where an entry's data starts: past its local header, whose lengths may differ from the directory's. */
async function entryDataOffset(handle: FileHandle, entry: ZipEntry): Promise<number | null> {
  const header = await readAt(handle, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) return null;
  return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/** A small part (workbook, relationships, styles) whole; null if missing, too big or damaged. */
async function readZipEntryText(handle: FileHandle, entry: ZipEntry): Promise<string | null> {
  if (entry.compressedSize > MAX_WORKBOOK_XML) return null;
  const dataOffset = await entryDataOffset(handle, entry);
  if (dataOffset === null) return null;
  const data = await readAt(handle, dataOffset, entry.compressedSize);
  if (entry.method === 0) return data.toString('utf8');
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_WORKBOOK_XML }).toString('utf8');
  } catch {
    return null;
  }
}

type Workbook = { sheets: { name: string; relationId: string }[]; is1904: boolean };

async function readWorkbook(
  handle: FileHandle,
  entries: readonly ZipEntry[],
): Promise<Workbook | null> {
  const workbook = entries.find((entry) => entry.name === 'xl/workbook.xml');
  const xml = workbook ? await readZipEntryText(handle, workbook) : null;
  if (xml === null) return null;
  const sheets: Workbook['sheets'] = [];
  for (const tag of xml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = attribute(tag[0], 'name');
    if (name !== undefined) sheets.push({ name, relationId: attribute(tag[0], 'id') ?? '' });
  }
  const properties = /<(?:\w+:)?workbookPr\s[^>]*>/.exec(xml);
  const date1904 = properties ? attribute(properties[0], 'date1904') : undefined;
  return { sheets, is1904: date1904 === '1' || date1904 === 'true' };
}

/** Sheet names in workbook order, the order sheets are numbered in. Null if unreadable. */
export async function readSheetNames(
  handle: FileHandle,
  entries: readonly ZipEntry[],
): Promise<string[] | null> {
  const workbook = await readWorkbook(handle, entries);
  return workbook ? workbook.sheets.map((sheet) => sheet.name) : null;
}

// --- OLE2 compound files (.xls, and .xlsx encrypted with a password) --------------------------

export const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

// Sector ids from here up are markers (end of chain, free, FAT or DIFAT sector), not sectors.
const FIRST_MARKER = 0xfffffffb;
const MAX_DIRECTORY_SECTORS = 1024;

/**
 * The stream names in an OLE2 compound file's directory, following the sector chain through the
 * FAT. Best effort: on a damaged file it returns what it could read.
 */
export async function readOle2StreamNames(handle: FileHandle, size: number): Promise<string[]> {
  const header = await readAt(handle, 0, 512);
  if (header.length < 512) return [];
  const sectorSize = 1 << header.readUInt16LE(0x1e);
  if (sectorSize !== 512 && sectorSize !== 4096) return [];
  const sectorOffset = (sector: number): number => (sector + 1) * sectorSize;
  const idsPerSector = sectorSize / 4;

  // The FAT's own sectors: the first 109 are listed in the header, the rest in a DIFAT chain.
  const fatSectors: number[] = [];
  for (let k = 0; k < 109; k += 1) fatSectors.push(header.readUInt32LE(0x4c + 4 * k));
  let difat = header.readUInt32LE(0x44);
  for (let guard = 0; difat < FIRST_MARKER && guard < 4096; guard += 1) {
    const sector = await readAt(handle, sectorOffset(difat), sectorSize);
    if (sector.length < sectorSize) break;
    for (let k = 0; k < idsPerSector - 1; k += 1) fatSectors.push(sector.readUInt32LE(4 * k));
    difat = sector.readUInt32LE(sectorSize - 4);
  }
  const nextSector = async (sector: number): Promise<number> => {
    const fatSector = fatSectors[Math.floor(sector / idsPerSector)];
    if (fatSector === undefined || fatSector >= FIRST_MARKER) return FIRST_MARKER;
    const entry = await readAt(handle, sectorOffset(fatSector) + 4 * (sector % idsPerSector), 4);
    return entry.length === 4 ? entry.readUInt32LE(0) : FIRST_MARKER;
  };

  const names: string[] = [];
  let sector = header.readUInt32LE(0x30);
  for (let n = 0; sector < FIRST_MARKER && n < MAX_DIRECTORY_SECTORS; n += 1) {
    if (sectorOffset(sector) >= size) break;
    const directory = await readAt(handle, sectorOffset(sector), sectorSize);
    for (let at = 0; at + 128 <= directory.length; at += 128) {
      const nameBytes = directory.readUInt16LE(at + 64);
      const type = directory[at + 66];
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      names.push(directory.toString('utf16le', at, at + nameBytes - 2));
    }
    sector = await nextSector(sector);
  }
  return names;
}

/** Excel's "Encrypt with Password" wraps the whole .xlsx in an OLE2 file with these streams. */
export const isEncryptedOoxml = (streamNames: readonly string[]): boolean =>
  streamNames.includes('EncryptedPackage') || streamNames.includes('EncryptionInfo');

// --- streaming a sheet ------------------------------------------------------------------------

/** A part's path in the zip from a relationship target (relative to xl/, or absolute). */
function partPath(target: string): string {
  const segments: string[] = [];
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  for (const segment of path.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

type Relationship = { id: string; type: string; target: string };

function parseRelationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)].map((tag) => ({
    id: attribute(tag[0], 'Id') ?? '',
    type: attribute(tag[0], 'Type') ?? '',
    target: partPath(attribute(tag[0], 'Target') ?? ''),
  }));
}

type EntryRange = { start: number; length: number; method: number };

/**
 * A zip entry's inflated bytes as text chunks, read from disk as they are consumed; `onBytes`
 * counts the compressed bytes read. Damaged compressed data fails as a plain Error (zlib's
 * codes would pass for file-system errors).
 */
async function* entryText(
  path: string,
  range: EntryRange,
  onBytes: (bytes: number) => void,
): AsyncGenerator<string> {
  if (range.length === 0) return;
  const file = createReadStream(path, {
    start: range.start,
    end: range.start + range.length - 1,
    highWaterMark: 64 * 1024,
  });
  file.on('data', (chunk) => onBytes(chunk.length));
  const inflate = range.method === 8 ? createInflateRaw({ chunkSize: 64 * 1024 }) : null;
  if (inflate) file.on('error', (error) => inflate.destroy(error));
  const bytes = inflate ? file.pipe(inflate) : file;
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of bytes as AsyncIterable<Buffer>) {
      yield decoder.decode(chunk, { stream: true });
    }
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code.startsWith('Z_')) throw new Error('its compressed data is damaged', { cause: error });
    throw error;
  } finally {
    file.destroy();
    inflate?.destroy();
  }
  yield decoder.decode();
}

export type XlsxSheetReader = {
  /** Batches of about `batchRows` rows; stopping early closes the file. */
  batches: AsyncIterable<RawRow[]>;
  /** Compressed bytes of the sheet read so far, for progress. */
  position: () => number;
  /** The sheet's compressed size: `position` reaches it at the end. */
  total: number;
};

/**
 * Finds sheet `sheetNumber` (1-based, workbook order) through the workbook's relationships and
 * reads the workbook-wide parts its cells need (styles for dates, the 1904 date system). The
 * shared strings and the sheet itself are streamed while `batches` is iterated.
 *
 * @throws Error naming what is missing or damaged; file-system errors as they come.
 */
export async function openXlsxSheet(
  path: string,
  sheetNumber: number,
  batchRows: number,
): Promise<XlsxSheetReader> {
  const handle = await open(path, 'r');
  let sheetRange: EntryRange;
  let stringsRange: EntryRange | null = null;
  let dateStyles: boolean[] = [];
  let is1904: boolean;
  try {
    const entries = await readZipEntries(handle, (await handle.stat()).size);
    if (!entries) throw new Error('its zip directory is damaged');
    const workbook = await readWorkbook(handle, entries);
    if (!workbook) throw new Error('its list of sheets is missing or damaged');
    is1904 = workbook.is1904;
    const relsEntry = entries.find((entry) => entry.name === 'xl/_rels/workbook.xml.rels');
    const relsXml = relsEntry ? await readZipEntryText(handle, relsEntry) : null;
    if (relsXml === null) throw new Error('its list of parts is missing or damaged');
    const relationships = parseRelationships(relsXml);
    const partOf = (type: string, fallback: string): ZipEntry | undefined => {
      const name = relationships.find((rel) => rel.type.endsWith(`/${type}`))?.target ?? fallback;
      return entries.find((entry) => entry.name === name);
    };
    const rangeOf = async (entry: ZipEntry, what: string): Promise<EntryRange> => {
      const start = await entryDataOffset(handle, entry);
      if (start === null || (entry.method !== 0 && entry.method !== 8)) {
        throw new Error(`its ${what} is damaged or compressed in an unsupported way`);
      }
      return { start, length: entry.compressedSize, method: entry.method };
    };

    const sheet = workbook.sheets[sheetNumber - 1];
    const target = relationships.find((rel) => rel.id === sheet?.relationId)?.target;
    const sheetEntry = entries.find((entry) => entry.name === target);
    if (!sheet || !sheetEntry) throw new Error(`sheet ${sheetNumber} is missing`);
    sheetRange = await rangeOf(sheetEntry, `sheet "${sheet.name}"`);

    const stringsEntry = partOf('sharedStrings', 'xl/sharedStrings.xml');
    if (stringsEntry) stringsRange = await rangeOf(stringsEntry, 'table of shared strings');
    const stylesEntry = partOf('styles', 'xl/styles.xml');
    if (stylesEntry) {
      const stylesXml = await readZipEntryText(handle, stylesEntry);
      if (stylesXml === null) throw new Error('its styles are damaged');
      dateStyles = parseDateStyles(stylesXml);
    }
  } finally {
    await handle.close();
  }

  let consumed = 0;
  async function* batches(): AsyncGenerator<RawRow[]> {
    consumed = 0;
    const strings = createSharedStrings(
      stringsRange ? entryText(path, stringsRange, () => undefined) : null,
    );
    try {
      const chunks = entryText(path, sheetRange, (bytes) => {
        consumed += bytes;
      });
      yield* readSheetRows(chunks, strings, { dateStyles, is1904 }, batchRows);
    } finally {
      await strings.close();
    }
  }
  return {
    batches: { [Symbol.asyncIterator]: batches },
    position: () => consumed,
    total: sheetRange.length,
  };
}

/** A whole sheet at once, for small sheets (and tests); see openXlsxSheet. */
export async function readXlsxSheet(path: string, sheetNumber: number): Promise<RawRow[]> {
  const reader = await openXlsxSheet(path, sheetNumber, 1000);
  const rows: RawRow[] = [];
  for await (const batch of reader.batches) rows.push(...batch);
  return rows;
}
