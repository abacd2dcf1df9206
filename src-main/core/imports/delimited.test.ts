import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DELIMITERS,
  createDelimitedParser,
  createFileParser,
  detectDelimiter,
  parseDelimited,
  sepLineDelimiter,
} from './delimited.ts';
import type { Delimiter, RawRow } from './delimited.ts';

/** Feeds the text in pieces of the given sizes (cycled), as a file read in chunks would arrive. */
const parseInPieces = (
  text: string,
  delimiter: Delimiter,
  sizes: readonly number[],
  options: { skipFirstLine?: boolean } = {},
): RawRow[] => {
  const parser = createDelimitedParser(delimiter, options);
  const rows: RawRow[] = [];
  let at = 0;
  for (let n = 0; at < text.length; n += 1) {
    const size = Math.max(1, sizes[n % sizes.length] ?? 1);
    rows.push(...parser.push(text.slice(at, at + size)));
    at += size;
  }
  rows.push(...parser.end());
  return rows;
};

const fieldsOf = (rows: RawRow[]): string[][] => rows.map((row) => row.fields);

describe('parseDelimited', () => {
  it.each<[string, string, string[][]]>([
    [
      'plain rows',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'a last line without a line break',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF, LF and lone CR line ends',
      'a,b\r\n1,2\n3,4\r5,6',
      [
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
        ['5', '6'],
      ],
    ],
    ['doubled quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['delimiters and line breaks inside quotes', '"a,b","c\r\nd"\n', [['a,b', 'c\r\nd']]],
    [
      'ragged rows, not padded',
      'a,b,c\n1\n1,2,3,4\n',
      [['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']],
    ],
    ['an empty last field', 'a,b,\n', [['a', 'b', '']]],
    ['a row of empty fields', ',,\n', [['', '', '']]],
    ['an empty quoted field', '""\n', [['']]],
    ['whitespace kept as written', ' a , b \n', [[' a ', ' b ']]],
    ['a stray quote inside an unquoted field', '5" screen,x"y\n', [['5" screen', 'x"y']]],
    ['text after a closing quote', '"abc"def,g\n', [['abcdef', 'g']]],
    ['NUL kept in the field', 'a\0b,c\n', [['a\0b', 'c']]],
    [
      'Persian text',
      'نام,مبلغ\nعلی رضایی,۱۲۵۰۰۰\n',
      [
        ['نام', 'مبلغ'],
        ['علی رضایی', '۱۲۵۰۰۰'],
      ],
    ],
  ])('parses %s', (_, text, expected) => {
    expect(fieldsOf(parseDelimited(text, ','))).toEqual(expected);
  });

  it('skips blank lines but counts them', () => {
    const rows = parseDelimited('title\n\n\r\nh1,h2\r\n\r1,2\n', ',');
    expect(rows).toEqual([
      { line: 1, fields: ['title'] },
      { line: 4, fields: ['h1', 'h2'] },
      { line: 6, fields: ['1', '2'] },
    ]);
  });

  it('numbers a row by the line it starts on, after line breaks inside quotes', () => {
    const text =
      'id,note\r\n1,"line one\nline two\r\nline three\rline four"\r\n2,x\r\n3,"a\n\nb"\n4,y';
    expect(parseDelimited(text, ',').map((row) => row.line)).toEqual([1, 2, 6, 7, 10]);
  });

  it('gives an unterminated quote the rest of the file and says so', () => {
    const parser = createDelimitedParser(',');
    const rows = [...parser.push('a,b\n1,"open\n2,3\n'), ...parser.end()];
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'open\n2,3\n'] },
    ]);
    expect(parser.hasUnterminatedQuote()).toBe(true);
  });

  it('counts row terminators by kind, not line breaks inside quotes', () => {
    const parser = createDelimitedParser(',');
    parser.push('a,"x\ny"\r\n1,2\r\n\r\n3,4\n5,6\r7');
    parser.end();
    expect(parser.lineEndings()).toEqual({ crlf: 3, lf: 1, cr: 1 });
  });

  it('skips a first line on request, keeping the line numbers', () => {
    const rows = parseDelimited('sep=;\r\na;b\r\n1;2', ';', { skipFirstLine: true });
    expect(rows).toEqual([
      { line: 2, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
    ]);
  });

  it.each(DELIMITERS)('splits on %j only', (delimiter) => {
    const others = DELIMITERS.filter((d) => d !== delimiter).join('');
    const text = `a${others}${delimiter}b\n`;
    expect(fieldsOf(parseDelimited(text, delimiter))).toEqual([[`a${others}`, 'b']]);
  });
});

describe('chunk boundaries', () => {
  const text =
    'شماره,نام,یادداشت\r\n1001,علی رضایی,"سلام، ""دوست""\r\nخط دوم"\r\n1002,مريم كاظمي,x\r\n\r\n1003,"a,b",c';
  const whole = parseDelimited(text, ',');

  it.each([1, 2, 3, 5, 7, 11])('gives the same rows and lines in pieces of %i', (size) => {
    expect(parseInPieces(text, ',', [size])).toEqual(whole);
  });

  it('joins a CRLF split across pieces into one line break', () => {
    const rows = parseInPieces('a,b\r\n1,2\r\n3,4', ',', [4, 1]);
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3]);
  });

  it('joins a doubled quote split across pieces', () => {
    expect(fieldsOf(parseInPieces('"x""y",z\n', ',', [3, 10]))).toEqual([['x"y', 'z']]);
    // …and a closing quote at the end of a piece followed by a delimiter in the next.
    expect(fieldsOf(parseInPieces('"x",z\n', ',', [3, 10]))).toEqual([['x', 'z']]);
  });

  it('keeps a quoted field that spans many pieces whole', () => {
    const note = 'یک یادداشت طولانی, با ویرگول\nو خط تازه '.repeat(50);
    const csv = `id,note\n1,"${note.replaceAll('"', '""')}"\n2,x\n`;
    const rows = parseInPieces(csv, ',', [13, 1, 64]);
    expect(rows[1]?.fields[1]).toBe(note);
    expect(rows[2]).toEqual({ line: 3 + 50, fields: ['2', 'x'] });
  });
});

describe('createFileParser', () => {
  it.each([1, 2, 4, 100])('skips a sep= line however the text is cut (pieces of %i)', (size) => {
    const parser = createFileParser(';');
    const text = 'sep=;\r\na;b\r\n1;2\r\n';
    const rows: RawRow[] = [];
    for (let at = 0; at < text.length; at += size)
      rows.push(...parser.push(text.slice(at, at + size)));
    rows.push(...parser.end());
    expect(rows).toEqual([
      { line: 2, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
    ]);
  });

  it('keeps a first line that is not a sep= line, also in a file shorter than the window', () => {
    const parser = createFileParser(',');
    expect([...parser.push('a,b'), ...parser.end()]).toEqual([{ line: 1, fields: ['a', 'b'] }]);
  });
});

describe('sepLineDelimiter', () => {
  it.each<[string, Delimiter | null]>([
    ['sep=;\r\na;b', ';'],
    ['SEP=,\n', ','],
    ['"sep=|"\n', '|'],
    ['sep=\t\n', '\t'],
    ['sep=;;;;\r\n', ';'],
    ['sep=;', ';'],
    ['sep=#\n', null],
    ['separator=;\n', null],
    ['a;sep=;\n', null],
  ])('reads %j as %j', (text, expected) => {
    expect(sepLineDelimiter(text)).toBe(expected);
  });
});

describe('detectDelimiter', () => {
  it.each<[string, string, Delimiter]>([
    ['comma', 'a,b,c\n1,2,3\n4,5,6\n', ','],
    ['semicolon with decimal commas', 'a;b;c\n1;2,5;3\n4;5,5;6\n', ';'],
    ['tab with commas in text', 'a\tb\tc\nTehran, Iran\t2\t3\nx\ty, z\t6\n', '\t'],
    ['pipe', 'a|b\n1|2\n', '|'],
    ['comma with quoted semicolons', 'a,b\n"x;y;z",2\n"p;q",3\n', ','],
    ['title rows above the header', 'Sales report\n\nh1;h2;h3\n1;2;3\n4;5;6\n', ';'],
    ['a single column', 'name\nAli\nSara\n', ','],
  ])('finds %s', (_, text, expected) => {
    expect(detectDelimiter(text, true)).toBe(expected);
  });

  it('does not count a row cut at the end of a sample', () => {
    // Whole rows agree on ';'; the cut last row alone would have made ',' look consistent.
    expect(detectDelimiter('a;b\n1;2\nx,y,z,w', false)).toBe(';');
  });
});

/** A tiny CSV writer: quotes a field when it must, and writes what line each row starts on. */
const toCsv = (
  table: string[][],
  delimiter: Delimiter,
  lineEnds: readonly string[],
): { text: string; lines: number[] } => {
  let text = '';
  let line = 1;
  const lines: number[] = [];
  table.forEach((row, r) => {
    lines.push(line);
    const cells = row.map((field) => {
      // A lone empty field would be a blank line, which the parser skips: quote it.
      const mustQuote =
        /["\r\n]/.test(field) || field.includes(delimiter) || (row.length === 1 && field === '');
      if (!mustQuote) return field;
      line += field.match(/\r\n|\r|\n/g)?.length ?? 0;
      return `"${field.replaceAll('"', '""')}"`;
    });
    text += cells.join(delimiter) + (lineEnds[r % lineEnds.length] ?? '\n');
    line += 1;
  });
  return { text, lines };
};

describe('parser property', () => {
  const char = fc.oneof(
    fc.constantFrom(',', ';', '\t', '|', '"', '\r', '\n', ' ', 'ی', 'ي', 'ك', '\u200c', '😀', '\0'),
    fc.string({ minLength: 1, maxLength: 1 }),
  );
  const field = fc.array(char, { maxLength: 12 }).map((chars) => chars.join(''));
  const table = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), {
    minLength: 1,
    maxLength: 12,
  });

  it('reads back what a CSV writer wrote, fields and lines, in pieces of any size', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(...DELIMITERS),
        fc.array(fc.constantFrom('\r\n', '\n', '\r'), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        (rows, delimiter, lineEnds, sizes) => {
          const { text, lines } = toCsv(rows, delimiter, lineEnds);
          const parsed = parseInPieces(text, delimiter, sizes);
          expect(fieldsOf(parsed)).toEqual(rows);
          expect(parsed.map((row) => row.line)).toEqual(lines);
          // The last line end is optional.
          const withoutLastBreak = text.replace(/(\r\n|\r|\n)$/, '');
          expect(fieldsOf(parseInPieces(withoutLastBreak, delimiter, sizes))).toEqual(rows);
        },
      ),
      { numRuns: 400 },
    );
  });
});
