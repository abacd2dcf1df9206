/**
 * The XML inside an .xlsx, read incrementally: a sheet's rows, the shared-string table and the
 * styles that mark date cells. Everything here works on text chunks, never on a whole part, so a
 * sheet of a million rows costs the memory of one chunk and one batch of rows (the zip side is in
 * xlsx.ts). A small tag scanner rather than a general XML parser: SpreadsheetML needs no DTDs,
 * and a per-tag callback with no attribute objects is what keeps 4 million cells to seconds.
 */
import type { RawRow } from './delimited.ts';

// --- the tag scanner ----------------------------------------------------------------------------

type XmlHandler = {
  /** `name` without its namespace prefix (`x:c` is `c`); `attrs` is the raw text after it. */
  open: (name: string, attrs: string, isSelfClosing: boolean) => void;
  close: (name: string) => void;
  /** Character data (entities decoded), only while `isCapturing` says it is wanted. */
  text: (text: string) => void;
  isCapturing: () => boolean;
};

type XmlScanner = { push: (chunk: string) => void; end: () => void };

const XML_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const decodeXmlText = (text: string): string =>
  text.indexOf('&') < 0
    ? text
    : text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
        if (name.startsWith('#x') || name.startsWith('#X'))
          return String.fromCodePoint(parseInt(name.slice(2), 16));
        if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
        return XML_ENTITIES[name] ?? whole;
      });

const localName = (qualified: string): string => {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
};

/**
 * Feeds tags and text to `handler` as chunks arrive; an unfinished tag or text run at the end
 * of a chunk waits for the next one, so nothing depends on where the chunks split.
 */
function createXmlScanner(handler: XmlHandler): XmlScanner {
  let carry = '';
  const push = (chunk: string): void => {
    const xml = carry.length > 0 ? carry + chunk : chunk;
    let at = 0;
    for (;;) {
      const lt = xml.indexOf('<', at);
      if (lt < 0) break;
      if (lt > at && handler.isCapturing()) handler.text(decodeXmlText(xml.slice(at, lt)));
      at = lt;
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) break;
        if (handler.isCapturing()) handler.text(xml.slice(lt + 9, end));
        at = end + 3;
        continue;
      }
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) break;
        at = end + 3;
        continue;
      }
      const gt = xml.indexOf('>', lt + 1);
      if (gt < 0) break;
      at = gt + 1;
      const first = xml.charCodeAt(lt + 1);
      if (first === 0x3f /* ? */ || first === 0x21 /* ! */) continue;
      if (first === 0x2f /* / */) {
        handler.close(localName(xml.slice(lt + 2, gt).trimEnd()));
        continue;
      }
      const isSelfClosing = xml.charCodeAt(gt - 1) === 0x2f;
      const tag = xml.slice(lt + 1, isSelfClosing ? gt - 1 : gt);
      const space = tag.search(/\s/);
      const name = localName(space < 0 ? tag : tag.slice(0, space));
      handler.open(name, space < 0 ? '' : tag.slice(space), isSelfClosing);
      if (isSelfClosing) handler.close(name);
    }
    // Text before a tag that has not arrived yet is kept whole, so entities are never split.
    carry = xml.slice(at);
  };
  const end = (): void => {
    if (carry.trim() !== '') throw new Error('the XML ends in the middle of a tag');
  };
  return { push, end };
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** One attribute's value (decoded), looked up by its local name; undefined when absent. */
export function attribute(attrs: string, name: string): string | undefined {
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(attrs); match; match = ATTRIBUTE.exec(attrs)) {
    if (localName(match[1] ?? '') === name) return decodeXmlText(match[2] ?? match[3] ?? '');
  }
  return undefined;
}

/** Runs a whole (small) part through the scanner. */
function scanXmlText(xml: string, handler: XmlHandler): void {
  const scanner = createXmlScanner(handler);
  scanner.push(xml);
  scanner.end();
}

// --- shared strings -------------------------------------------------------------------------------

export type SharedStrings = {
  /** Reads the table on until it holds string `index`; false if the table ends first. */
  ensure: (index: number) => Promise<boolean>;
  at: (index: number) => string | undefined;
  close: () => Promise<void>;
};

/**
 * The shared-string table, read lazily from its chunks: a preview of the first rows needs only
 * the first strings (Excel numbers them in order of first use), and an import reads the table
 * as far as the sheet refers to it. A `<si>` is the concatenation of its `<t>` texts, rich-text
 * runs included, phonetic guides (`<rPh>`) left out, the way Excel shows the cell.
 */
export function createSharedStrings(chunks: AsyncIterable<string> | null): SharedStrings {
  const strings: string[] = [];
  const iterator = chunks?.[Symbol.asyncIterator]();
  let isDone = iterator === undefined;
  let current: string | null = null;
  let depthInPhonetic = 0;
  let isInText = false;
  const scanner = createXmlScanner({
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 'rPh') depthInPhonetic += 1;
      else if (name === 't' && current !== null && depthInPhonetic === 0) isInText = true;
    },
    close: (name) => {
      if (name === 't') isInText = false;
      else if (name === 'rPh') depthInPhonetic -= 1;
      else if (name === 'si' && current !== null) {
        strings.push(current);
        current = null;
      }
    },
    text: (text) => {
      current += text;
    },
    isCapturing: () => isInText,
  });
  return {
    ensure: async (index) => {
      while (index >= strings.length && !isDone && iterator) {
        const next = await iterator.next();
        if (next.done) {
          isDone = true;
          scanner.end();
        } else scanner.push(next.value);
      }
      return index < strings.length;
    },
    at: (index) => strings[index],
    close: async () => {
      if (!isDone) await iterator?.return?.();
      isDone = true;
    },
  };
}

// --- styles -------------------------------------------------------------------------------------

// Excel's built-in date and time formats (the ids below 164 carry no format code in the file).
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * Whether a number format code shows a date or time: a d, m, y, h or s that is not inside
 * quotes (`"days"`), brackets (`[Red]`, `[$-409]`, but `[h]` elapsed hours keep their `:mm`),
 * escaped (`\m`) or a spacing/fill operand (`_m`, `*-`). `0.00` and `General` are not dates.
 */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, '');
  return /[dmyhs]/i.test(bare);
}

/** For each cell style (`cellXfs` index, a cell's `s`), whether it formats its number as a date. */
export function parseDateStyles(xml: string): boolean[] {
  const formatCodes = new Map<number, string>();
  const dateStyles: boolean[] = [];
  let isInCellXfs = false;
  scanXmlText(xml, {
    open: (name, attrs) => {
      if (name === 'numFmt') {
        const id = Number(attribute(attrs, 'numFmtId'));
        const code = attribute(attrs, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) formatCodes.set(id, code);
      } else if (name === 'cellXfs') isInCellXfs = true;
      else if (name === 'xf' && isInCellXfs) {
        const id = Number(attribute(attrs, 'numFmtId') ?? 0);
        const code = formatCodes.get(id);
        dateStyles.push(
          code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormatCode(code),
        );
      }
    },
    close: (name) => {
      if (name === 'cellXfs') isInCellXfs = false;
    },
    text: () => undefined,
    isCapturing: () => false,
  });
  return dateStyles;
}

// --- cells to text ------------------------------------------------------------------------------

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Excel date-times have no zone, so they are built as UTC Dates whose UTC fields are the
 * wall-clock time the sheet shows. Rounded to the second because Excel stores a fraction of a
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

const DAY_MS = 86_400_000;
// Day 25569 is 1970-01-01 in the 1900 system (which counts Excel's phantom 1900-02-29); the 1904
// system, from old Mac Excel, starts 1,462 days later.
const UNIX_EPOCH_SERIAL = 25569;
const EPOCH_1904_SHIFT = 1462;

const excelSerialDate = (serial: number, is1904: boolean): Date =>
  new Date(Math.floor((serial + (is1904 ? EPOCH_1904_SHIFT : 0) - UNIX_EPOCH_SERIAL) * DAY_MS));

// An ISO date-time without a zone is wall-clock time, like every other Excel date here.
const HAS_ZONE = /(?:[zZ]|[+-]\d\d:?\d\d)$/;

/** What the sheet's cells need from the rest of the workbook. */
export type CellContext = { dateStyles: readonly boolean[]; is1904: boolean };

/** A cell's text from its type (`t`), style (`s`) and value (`<v>`, or the inline string). */
function valueText(type: string, style: number, value: string, context: CellContext): string {
  switch (type) {
    case 'b':
      return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
    case 'd': {
      if (value === '') return '';
      const iso = value.trim();
      const date = new Date(iso.includes('T') && !HAS_ZONE.test(iso) ? `${iso}Z` : iso);
      return Number.isNaN(date.getTime()) ? value : formatExcelDate(date);
    }
    case 'n':
    case '': {
      if (value === '') return '';
      const number = Number(value);
      if (Number.isNaN(number)) return value;
      return context.dateStyles[style] === true
        ? cellText(excelSerialDate(number, context.is1904))
        : cellText(number);
    }
    default:
      // str (a formula's text result), inlineStr, e (#DIV/0! and the like).
      return value;
  }
}

/** 0-based column of a cell reference such as `AB12`; -1 when it has no letters. */
function columnIndex(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i += 1) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  return column - 1;
}

// --- sheet rows ---------------------------------------------------------------------------------

// A `<dimension>` wider than this is formatting reaching far right, not data.
const MAX_PADDED_COLUMNS = 256;

/** A row whose shared-string cells still hold their index (a number) until the table has it. */
type PendingRow = { line: number; fields: (string | number)[] };

/**
 * A sheet's rows in batches of about `batchRows`, `line` being the sheet row number. Empty rows
 * are skipped like blank lines in a CSV, their numbers kept; skipped cells are empty fields. Rows
 * are padded to the sheet's `<dimension>` width so a value under a column without a title lines
 * up with the header the way Excel shows it. Throws on a damaged sheet (a shared string that
 * does not exist, XML that stops early).
 */
export async function* readSheetRows(
  chunks: AsyncIterable<string>,
  sharedStrings: SharedStrings,
  context: CellContext,
  batchRows: number,
): AsyncGenerator<RawRow[]> {
  let pending: PendingRow[] = [];
  let width = 0;
  let line = 0;
  let fields: (string | number)[] | null = null;
  let column = -1;
  let cellRef = '';
  let type = '';
  let style = 0;
  let value: string | null = null;
  let inline: string | null = null;
  let depthInPhonetic = 0;
  let capture: 'v' | 't' | null = null;
  let hasEnded = false;

  const setField = (at: number, field: string | number): void => {
    if (fields === null || at < 0 || field === '') return;
    while (fields.length < at) fields.push('');
    fields[at] = field;
  };

  const endCell = (): void => {
    if (type === 's') {
      const index = Number(value ?? '');
      if (value === null || value.trim() === '' || !Number.isInteger(index) || index < 0) {
        throw new Error(`cell ${cellRef} refers to a shared string "${value ?? ''}"`);
      }
      setField(column, index);
    } else {
      const text = type === 'inlineStr' ? (inline ?? value ?? '') : (value ?? '');
      setField(column, valueText(type, style, text, context));
    }
  };

  const scanner = createXmlScanner({
    open: (name, attrs, isSelfClosing) => {
      switch (name) {
        case 'row': {
          const r = attribute(attrs, 'r');
          line = r === undefined ? line + 1 : Number(r);
          fields = isSelfClosing ? null : [];
          column = -1;
          break;
        }
        case 'c': {
          cellRef = attribute(attrs, 'r') ?? '';
          const at = columnIndex(cellRef);
          column = at >= 0 ? at : column + 1;
          if (isSelfClosing) break;
          type = attribute(attrs, 't') ?? '';
          style = Number(attribute(attrs, 's') ?? 0);
          value = null;
          inline = null;
          break;
        }
        case 'v':
          value = '';
          capture = 'v';
          break;
        case 'is':
          inline = '';
          break;
        case 'rPh':
          depthInPhonetic += 1;
          break;
        case 't':
          if (inline !== null && depthInPhonetic === 0) capture = 't';
          break;
        case 'dimension': {
          const last = (attribute(attrs, 'ref') ?? '').split(':').pop() ?? '';
          const columns = columnIndex(last) + 1;
          if (columns <= MAX_PADDED_COLUMNS) width = columns;
          break;
        }
      }
    },
    close: (name) => {
      switch (name) {
        case 'v':
        case 't':
          capture = null;
          break;
        case 'rPh':
          depthInPhonetic -= 1;
          break;
        case 'c':
          if (value !== null || inline !== null) endCell();
          value = null;
          inline = null;
          break;
        case 'row':
          if (fields !== null && fields.length > 0) {
            while (fields.length < width) fields.push('');
            pending.push({ line, fields });
          }
          fields = null;
          break;
        case 'worksheet':
          hasEnded = true;
          break;
      }
    },
    text: (text) => {
      if (capture === 'v') value += text;
      else inline += text;
    },
    isCapturing: () => capture !== null,
  });

  const resolve = async (rows: PendingRow[]): Promise<RawRow[]> => {
    for (const row of rows) {
      const cells = row.fields;
      for (let i = 0; i < cells.length; i += 1) {
        const index = cells[i];
        if (typeof index !== 'number') continue;
        let text = sharedStrings.at(index);
        if (text === undefined && (await sharedStrings.ensure(index)))
          text = sharedStrings.at(index);
        if (text === undefined) {
          throw new Error(`row ${row.line} refers to shared string ${index}, which does not exist`);
        }
        cells[i] = text;
      }
    }
    return rows as RawRow[];
  };

  for await (const chunk of chunks) {
    scanner.push(chunk);
    if (pending.length >= batchRows) {
      const batch = pending;
      pending = [];
      yield await resolve(batch);
    }
  }
  scanner.end();
  if (!hasEnded) throw new Error('the sheet ends early');
  if (pending.length > 0) yield await resolve(pending);
}
