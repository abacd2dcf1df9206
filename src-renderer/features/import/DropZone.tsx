import { useId, useRef, useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import { useLocale } from '../../app/i18n/use-t.ts';
import { UploadIcon } from './ImportIcons.tsx';

const hasFiles = (event: DragEvent): boolean => event.dataTransfer.types.includes('Files');

type Props = {
  /** What to drop here, and the formats (and size) accepted. */
  title: string;
  formats: string;
  /** Opens the file picker (a click, Enter or Space). */
  onPick: () => void;
  onFile: (file: File) => void;
  /** More than one file was dropped. */
  onSeveral: () => void;
  testId: string;
};

/** The place to drop a file or click to choose one, shared by the sales and survey imports. */
export function DropZone({ title, formats, onPick, onFile, onSeveral, testId }: Props) {
  const { t } = useLocale();
  const [isDragging, setDragging] = useState(false);
  const zone = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const formatsId = useId();

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick();
    }
  };
  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    const { files } = event.dataTransfer;
    const file = files[0];
    if (files.length !== 1 || !file) onSeveral();
    else onFile(file);
  };

  return (
    <div
      ref={zone}
      className={`drop-zone${isDragging ? ' is-dragging' : ''}`}
      role="button"
      tabIndex={0}
      aria-labelledby={titleId}
      aria-describedby={formatsId}
      onClick={onPick}
      onKeyDown={onKeyDown}
      onDragEnter={(event) => {
        if (hasFiles(event)) setDragging(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(event) => {
        const to = event.relatedTarget;
        if (!(to instanceof Node) || !zone.current?.contains(to)) setDragging(false);
      }}
      onDrop={onDrop}
      data-step-focus
      data-testid={testId}
    >
      <UploadIcon />
      <p className="drop-zone-title" id={titleId}>
        {isDragging ? t('import.drop.release') : title}
      </p>
      <span className="button button-primary drop-zone-button" aria-hidden="true">
        {t('import.drop.button')}
      </span>
      <p className="drop-zone-formats" id={formatsId}>
        {formats}
      </p>
    </div>
  );
}
