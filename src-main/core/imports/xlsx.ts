/**
 * Excel workbooks: telling an .xlsx from other zip archives and from the OLE2 files that are
 * either legacy .xls or password-protected .xlsx, listing sheet names, and reading a sheet into
 * rows of text through read-excel-file.
 */
import type { FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import type { RawRow } from './delimited.ts';

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

async function readZipEntryText(handle: FileHandle, entry: ZipEntry): Promise<string | null> {
  if (entry.compressedSize > MAX_WORKBOOK_XML) return null;
  const header = await readAt(handle, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) return null;
  const dataOffset =
    entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = await readAt(handle, dataOffset, entry.compressedSize);
  if (entry.method === 0) return data.toString('utf8');
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_WORKBOOK_XML }).toString('utf8');
  } catch {
    return null;
  }
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const decodeXmlText = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return XML_ENTITIES[name] ?? whole;
  });

/**
 * Sheet names in workbook order, the order read-excel-file numbers them in (sheets are read by
 * that number, so a name with odd escaping cannot make the two disagree). Null if unreadable.
 */
export async function readSheetNames(
  handle: FileHandle,
  entries: readonly ZipEntry[],
): Promise<string[] | null> {
  const workbook = entries.find((entry) => entry.name === 'xl/workbook.xml');
  const xml = workbook ? await readZipEntryText(handle, workbook) : null;
  if (xml === null) return null;
  const names: string[] = [];
  for (const tag of xml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = /\sname\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag[0]);
    if (name) names.push(decodeXmlText(name[1] ?? name[2] ?? ''));
  }
  return names;
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

// --- cells to text ----------------------------------------------------------------------------

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Excel date-times have no zone; read-excel-file builds them as UTC Dates, so the UTC fields are
 * the wall-clock time the sheet shows. Rounded to the second because Excel stores a fraction of a
 * day and 12:30 comes back as 12:29:59.999.
 */
export function formatExcelDate(date: Date): string {
  const ms = Math.round(date.getTime() / 1000) * 1000;
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  return (
    `${year}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`
  );
}

/** A cell as the text the rest of the importer parses, the same way it parses a CSV field. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // No grouping and '.' as the decimal mark: the importer's number parser reads it either way.
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatExcelDate(value);
  return String(value);
}

/**
 * All rows of one sheet (1-based sheet number in workbook order), `line` being the sheet row
 * number. read-excel-file unzips and parses the whole sheet in memory; a sales sheet is at most a
 * few hundred thousand rows, which fits, and Excel itself caps a sheet at 1,048,576 rows. Empty
 * rows are skipped like blank lines in a CSV, their numbers kept. Errors are the library's.
 */
export async function readXlsxSheet(path: string, sheetNumber: number): Promise<RawRow[]> {
  // Loaded on first use: it is a fair amount of code (zip, XML) that CSV imports never need.
  const { readSheet } = await import('read-excel-file/node');
  // trim: false because the caller trims, the same for every format.
  const data: unknown[][] = await readSheet(path, sheetNumber, { trim: false });
  const rows: RawRow[] = [];
  data.forEach((cells, index) => {
    const fields = cells.map(cellText);
    if (fields.some((field) => field !== '')) rows.push({ line: index + 1, fields });
  });
  return rows;
}
