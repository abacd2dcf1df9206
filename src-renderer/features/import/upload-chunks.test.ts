import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, chunkRanges, UPLOAD_CHUNK_BYTES, uploadName } from './upload-chunks.ts';

describe('chunkRanges', () => {
  it('covers the file in order, each chunk at most the chunk size', () => {
    expect(chunkRanges(10, 4)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 8 },
      { start: 8, end: 10 },
    ]);
    expect(chunkRanges(8, 4)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 8 },
    ]);
  });

  it('sends no chunk for an empty file', () => {
    expect(chunkRanges(0)).toEqual([]);
  });

  it('keeps a chunk of the default size under the contract’s 700 000 base64 characters', () => {
    expect(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4).toBeLessThanOrEqual(700_000);
  });

  it('refuses a chunk size that would never end', () => {
    expect(() => chunkRanges(10, 0)).toThrow(RangeError);
  });

  it('tiles any size exactly', () => {
    fc.assert(
      fc.property(fc.nat(50_000_000), fc.integer({ min: 1_000, max: 1_000_000 }), (size, chunk) => {
        const ranges = chunkRanges(size, chunk);
        let at = 0;
        for (const range of ranges) {
          const length = range.end - range.start;
          if (range.start !== at || length <= 0 || length > chunk) return false;
          at = range.end;
        }
        return at === size;
      }),
    );
  });
});

describe('bytesToBase64', () => {
  it('encodes as Node’s Buffer does, across piece boundaries', () => {
    for (const length of [0, 1, 2, 3, 30_719, 30_720, 30_721, 61_441, 200_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 7919) % 256);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('uses the platform encoder where there is one', () => {
    const bytes = Object.assign(Uint8Array.from([1, 2, 3]), {
      toBase64(this: Uint8Array) {
        return `native:${this.length}`;
      },
    });
    expect(bytesToBase64(bytes)).toBe('native:3');
  });

  it('encodes any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 30 },
    );
  });
});

describe('uploadName', () => {
  it('keeps a usual name as it is', () => {
    expect(uploadName('فروش آبان.csv')).toBe('فروش آبان.csv');
  });

  it('shortens a very long name but keeps its extension', () => {
    const name = uploadName(`${'a'.repeat(300)}.xlsx`);
    expect(name).toHaveLength(255);
    expect(name.endsWith('.xlsx')).toBe(true);
  });
});
