/** The pieces a file is handed to the core in: 512 KiB, which is under 700 000 characters as base64. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;

/** Byte ranges [start, end) covering `size` bytes in order; none for an empty file. */
export function chunkRanges(
  size: number,
  chunkBytes: number = UPLOAD_CHUNK_BYTES,
): { start: number; end: number }[] {
  if (!Number.isInteger(chunkBytes) || chunkBytes <= 0) {
    throw new RangeError(`A chunk must hold at least one byte, not ${chunkBytes}.`);
  }
  const ranges: { start: number; end: number }[] = [];
  for (let start = 0; start < size; start += chunkBytes) {
    ranges.push({ start, end: Math.min(size, start + chunkBytes) });
  }
  return ranges;
}

// A multiple of 3, so the base64 of each piece joins into the base64 of the whole without padding
// in between; small enough for String.fromCharCode's argument list.
const PIECE_BYTES = 3 * 10_240;

type WithBase64 = Uint8Array & { toBase64?: () => string };

/**
 * Base64 of the bytes: the platform's own encoder where it has one (Uint8Array.prototype
 * .toBase64, in current Chromium), else built piece by piece rather than a character at a time.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as WithBase64).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += PIECE_BYTES) {
    const piece = bytes.subarray(start, start + PIECE_BYTES);
    parts.push(btoa(String.fromCharCode(...piece)));
  }
  return parts.join('');
}

/** The name the core is told: at most 255 characters, keeping the extension that says the type. */
export function uploadName(name: string): string {
  const trimmed = name.trim() || 'file';
  if (trimmed.length <= 255) return trimmed;
  const dot = trimmed.lastIndexOf('.');
  const extension = dot > 0 && trimmed.length - dot <= 10 ? trimmed.slice(dot) : '';
  return trimmed.slice(0, 255 - extension.length) + extension;
}
