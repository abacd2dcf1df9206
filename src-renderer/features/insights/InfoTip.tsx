import { useId, useState } from 'react';

type Props = {
  /** The button's name: "What is the repeat purchase rate?" */
  label: string;
  /** The definition, shown on hover and on focus, and read as the button's description. */
  text: string;
  testId?: string;
};

/**
 * A figure's definition on demand (DESIGN.md §3): an ⓘ button that shows it while hovered or
 * focused (so the keyboard reaches it), toggles it on a click or tap, and hides it on Escape.
 */
export function InfoTip({ label, text, testId }: Props) {
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  return (
    <span
      className="infotip"
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
    >
      <button
        type="button"
        className="infotip-button"
        aria-label={label}
        aria-describedby={id}
        aria-expanded={isOpen}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen((open) => !open)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && isOpen) {
            event.stopPropagation();
            setOpen(false);
          }
        }}
        data-testid={testId}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="12" cy="12" r="8.5" />
          <path d="M12 11v5.5M12 7.6v.1" />
        </svg>
      </button>
      <span
        role="tooltip"
        id={id}
        className="infotip-bubble"
        hidden={!isOpen}
        data-testid={testId ? `${testId}-text` : undefined}
      >
        {text}
      </span>
    </span>
  );
}
