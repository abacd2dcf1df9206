/**
 * Which encoding a text export is in, and decoding it chunk by chunk. Shops hand us UTF-8 (with
 * or without BOM), Excel's "Unicode text" (UTF-16 with BOM) and files from older Excel and
 * accounting software in the Windows code page of the PC that wrote them: 1256 for Persian, 1252
 * for Western languages (DESIGN.md §5).
 */

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'windows-1252';

export const ENCODINGS: readonly EncodingName[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1256',
  'windows-1252',
];

const BOMS: readonly { encoding: EncodingName; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);

/** The encoding a byte-order mark at the start declares, if there is one. */
export function bomEncoding(bytes: Uint8Array): EncodingName | null {
  return BOMS.find((bom) => startsWith(bytes, bom.bytes))?.encoding ?? null;
}

/** How many leading bytes are the BOM of `encoding` (0 when the file does not start with it). */
export function bomLength(bytes: Uint8Array, encoding: EncodingName): number {
  const bom = BOMS.find((candidate) => candidate.encoding === encoding);
  return bom && startsWith(bytes, bom.bytes) ? bom.bytes.length : 0;
}

/**
 * UTF-16 without a BOM: text that is mostly ASCII (digits, separators, line ends, Latin names)
 * has a zero in every other byte, on the high side of each code unit. Persian letters (U+06xx)
 * have no zero byte, but a table of them still has zeros for its tabs, digits and line ends.
 */
function utf16WithoutBom(sample: Uint8Array): EncodingName | null {
  const units = Math.min(sample.length, 8192) >> 1;
  if (units < 2) return null;
  let zerosEven = 0;
  let zerosOdd = 0;
  for (let unit = 0; unit < units; unit += 1) {
    if (sample[2 * unit] === 0) zerosEven += 1;
    if (sample[2 * unit + 1] === 0) zerosOdd += 1;
  }
  if (zerosOdd >= units * 0.2 && zerosEven <= units * 0.02) return 'utf-16le';
  if (zerosEven >= units * 0.2 && zerosOdd <= units * 0.02) return 'utf-16be';
  return null;
}

/**
 * Whether the sample is valid UTF-8. A sample that stops before the end of the file may cut a
 * multi-byte character in two; streaming mode keeps that tail pending instead of failing on it.
 */
export function isValidUtf8(sample: Uint8Array, isWholeFile: boolean): boolean {
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    decoder.decode(sample, { stream: !isWholeFile });
    return true;
  } catch {
    return false;
  }
}

const decodeByte = (encoding: EncodingName, byte: number): string =>
  new TextDecoder(encoding).decode(new Uint8Array([byte]));

// Per high byte (0x80–0xFF): does it spell part of an Arabic-script word in 1256 (letters,
// harakat, ZWNJ/ZWJ), and is it a Latin letter in 1252?
const ARABIC_IN_1256: readonly boolean[] = Array.from({ length: 128 }, (_, i) => {
  const ch = decodeByte('windows-1256', 0x80 + i);
  return /^[\p{Script=Arabic}\u200c\u200d]$/u.test(ch) && /^[\p{L}\p{M}\u200c\u200d]$/u.test(ch);
});
const LATIN_IN_1252: readonly boolean[] = Array.from({ length: 128 }, (_, i) =>
  /^\p{L}$/u.test(decodeByte('windows-1252', 0x80 + i)),
);

const isAsciiLetter = (byte: number | undefined): boolean =>
  byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));

/**
 * Windows-1256 or Windows-1252 for bytes that are not UTF-8. Persian in 1256 is words made of runs
 * of high bytes (علی is DA E1 ED); Western text in 1252 has an accented letter here and there
 * inside otherwise ASCII words (José, Müller). Each side scores the bytes that look like its
 * shape, and the larger score wins.
 */
export function guessLegacyCodePage(sample: Uint8Array): 'windows-1256' | 'windows-1252' {
  let arabic = 0;
  let latin = 0;
  let run = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const byte = sample[i] ?? 0;
    if (byte >= 0x80 && ARABIC_IN_1256[byte - 0x80]) {
      run += 1;
    } else {
      if (run >= 2) arabic += run;
      run = 0;
    }
    if (
      byte >= 0x80 &&
      LATIN_IN_1252[byte - 0x80] &&
      (isAsciiLetter(sample[i - 1]) || isAsciiLetter(sample[i + 1]))
    ) {
      latin += 1;
    }
  }
  if (run >= 2) arabic += run;
  return arabic > latin ? 'windows-1256' : 'windows-1252';
}

export type DetectedEncoding = { encoding: EncodingName; hasBom: boolean };

/**
 * The encoding of a text file from its first bytes: a BOM wins; then BOM-less UTF-16; then UTF-8
 * if the bytes are valid UTF-8 (pure ASCII is); else a legacy code page.
 */
export function detectEncoding(sample: Uint8Array, isWholeFile: boolean): DetectedEncoding {
  const fromBom = bomEncoding(sample);
  if (fromBom) return { encoding: fromBom, hasBom: true };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, hasBom: false };
  if (isValidUtf8(sample, isWholeFile)) return { encoding: 'utf-8', hasBom: false };
  return { encoding: guessLegacyCodePage(sample), hasBom: false };
}

/**
 * Bytes decoded per call. A decoded string above V8's regular object size (128 KB) goes to the
 * large-object space, fresh memory from the OS for every chunk: decoding 1 MiB of mixed
 * Persian/ASCII UTF-8 in one call measured 12 ms, in 32 KiB pieces 0.35 ms. 32 KiB is at most
 * 64 KB of string in any of our encodings.
 */
export const DECODE_PIECE_BYTES = 32 * 1024;

/**
 * A decoder for consecutive chunks of one file: characters split across chunks (a UTF-8 sequence,
 * half a UTF-16 code unit or surrogate pair) come out whole. Bytes that are not valid in the
 * encoding become U+FFFD rather than failing, so one bad byte costs one character, not the import.
 * The caller skips the BOM itself (see bomLength), so a BOM-like character later is kept.
 */
export type ChunkDecoder = {
  /** The chunk's text, in pieces of at most DECODE_PIECE_BYTES of input each. */
  decode: (chunk: Uint8Array) => Generator<string>;
  /** Whatever an incomplete character at the very end of the file decodes to. */
  end: () => string;
};

export function createChunkDecoder(encoding: EncodingName): ChunkDecoder {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  return {
    decode: function* (chunk) {
      for (let at = 0; at < chunk.length; at += DECODE_PIECE_BYTES) {
        yield decoder.decode(chunk.subarray(at, at + DECODE_PIECE_BYTES), { stream: true });
      }
    },
    end: () => decoder.decode(),
  };
}

/** A whole sample as one string (previews, detection). */
export function decodeSample(
  sample: Uint8Array,
  encoding: EncodingName,
  isWholeFile: boolean,
): string {
  const decoder = createChunkDecoder(encoding);
  const text = [...decoder.decode(sample)].join('');
  return isWholeFile ? text + decoder.end() : text;
}
