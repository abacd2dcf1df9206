/** The import screen's line icons; decorative, so hidden from assistive technology. */

export function UploadIcon() {
  return (
    <svg className="drop-zone-icon" viewBox="0 0 48 48" aria-hidden="true">
      <path d="M14 34h-2.5a8.5 8.5 0 0 1-1-16.9A12 12 0 0 1 34 14.5a9.75 9.75 0 0 1 3.5 19.2" />
      <path d="M24 40V22m-7 7 7-7 7 7" />
    </svg>
  );
}

export function FileIcon() {
  return (
    <svg className="import-file-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M6.5 2.75h7.25l4.75 4.75v12.75a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1V3.75a1 1 0 0 1 1-1z" />
      <path d="M13.5 2.75V7.5h5M8.5 12h7M8.5 15.5h7M8.5 19h4" />
    </svg>
  );
}

export function WarnIcon() {
  return (
    <svg className="import-callout-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M12 3.5 2.75 19.5h18.5z" />
      <path d="M12 10v4.5M12 17.25v.01" />
    </svg>
  );
}
