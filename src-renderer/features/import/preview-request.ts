import type { InputOf } from '../../../src-shared/contract/index.ts';
import type { ColumnMapping, ImportOptions } from '../../../src-shared/domain/import-fields.ts';
import { normaliseDigits } from '../../../src-shared/domain/persian-text.ts';

/** What the user changed on the preview; everything else is the core's detection. */
export type PreviewRequest = Omit<InputOf<'import:preview'>, 'fileId'>;
type ReadOverrides = NonNullable<PreviewRequest['read']>;

export type PreviewChange =
  | { kind: 'read'; read: ReadOverrides }
  | { kind: 'headerLine'; headerLine: number }
  | { kind: 'options'; options: Partial<ImportOptions> }
  | { kind: 'mapping'; mapping: ColumnMapping }
  | { kind: 'preset'; presetId: string }
  /** The chosen preset is gone (deleted): what it gave stays, as the user's own choices. */
  | { kind: 'presetGone'; mapping: ColumnMapping; options: ImportOptions };

export const SOURCE_MAX = 60;
export const RETURN_PREFIX_MAX = 10;

/**
 * The request after one change. The user's own column choices are kept while the columns stay
 * the same (an encoding, a calendar, a unit), and let go when the columns may change (another
 * separator, sheet or header row): the preset, or detection, maps the new columns afresh. A
 * preset brings its own columns and options.
 */
export function applyChange(request: PreviewRequest, change: PreviewChange): PreviewRequest {
  const { mapping: _mapping, ...withoutMapping } = request;
  switch (change.kind) {
    case 'read': {
      const changesColumns = change.read.delimiter !== undefined || change.read.sheet !== undefined;
      return {
        ...(changesColumns ? withoutMapping : request),
        read: { ...request.read, ...change.read },
      };
    }
    case 'headerLine':
      return { ...withoutMapping, headerLine: change.headerLine };
    case 'options':
      return { ...request, options: { ...request.options, ...change.options } };
    case 'mapping':
      return { ...request, mapping: change.mapping };
    case 'preset': {
      const { options: _options, ...rest } = withoutMapping;
      return { ...rest, presetId: change.presetId };
    }
    case 'presetGone': {
      const { presetId: _presetId, ...rest } = request;
      return { ...rest, mapping: change.mapping, options: change.options };
    }
  }
}

/** Why the source name cannot be used, or null. */
export function sourceProblem(source: string): 'required' | 'too_big' | null {
  const trimmed = source.trim();
  if (trimmed === '') return 'required';
  return trimmed.length > SOURCE_MAX ? 'too_big' : null;
}

/**
 * The call for the request: text the user is still typing that the core would refuse (an empty
 * source name, an over-long prefix) is left out, so the preview keeps working meanwhile; the
 * screen shows the problem and holds the check back.
 */
export function previewInput(fileId: string, request: PreviewRequest): InputOf<'import:preview'> {
  const options = { ...request.options };
  if (options.source !== undefined) {
    if (sourceProblem(options.source)) delete options.source;
    else options.source = options.source.trim();
  }
  if (options.returnPrefix !== undefined) {
    const prefix = options.returnPrefix.trim();
    if (prefix.length > RETURN_PREFIX_MAX) delete options.returnPrefix;
    else options.returnPrefix = prefix;
  }
  return {
    fileId,
    ...request,
    ...(request.options !== undefined && { options }),
  };
}

/** The header row as typed, in any digits: a whole number of at least 0, or null. */
export function parseLineNumber(text: string): number | null {
  const digits = normaliseDigits(text).trim();
  if (!/^\d{1,8}$/.test(digits)) return null;
  return Number(digits);
}
