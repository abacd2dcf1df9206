/**
 * The Today list's keyboard: arrows or j/k to move, Enter to open the customer, one letter for
 * each common outcome. Physical key codes, so the letters work with a Persian keyboard layout too.
 */

export type TodayAction =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'open'
  | 'reached'
  | 'no_answer'
  | 'busy'
  | 'log'
  | 'complete'
  | 'snooze'
  | 'assign'
  | 'dismiss';

const BY_CODE: Readonly<Record<string, TodayAction>> = {
  ArrowDown: 'next',
  KeyJ: 'next',
  ArrowUp: 'previous',
  KeyK: 'previous',
  Home: 'first',
  End: 'last',
  Enter: 'open',
  NumpadEnter: 'open',
  KeyO: 'open',
  KeyR: 'reached',
  KeyN: 'no_answer',
  KeyB: 'busy',
  KeyL: 'log',
  KeyC: 'complete',
  KeyS: 'snooze',
  KeyA: 'assign',
  KeyX: 'dismiss',
  Delete: 'dismiss',
};

/** The key cap shown beside each action (the first key of its codes). */
export const KEY_CAPS: Readonly<Partial<Record<TodayAction, string>>> = {
  open: 'Enter',
  reached: 'R',
  no_answer: 'N',
  busy: 'B',
  log: 'L',
  complete: 'C',
  snooze: 'S',
  assign: 'A',
  dismiss: 'X',
};

export type KeyInput = {
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
};

/** The action a key press asks for, or null: modified keys belong to the browser and the app. */
export function todayActionOf(event: KeyInput): TodayAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const action = BY_CODE[event.code] ?? null;
  // Shift+letter is typing a capital, and Shift+arrow selects: neither is a command.
  if (action && event.shiftKey) return null;
  return action;
}

/** The index to show after a move in a list of `length` items. */
export function movedIndex(action: TodayAction, index: number, length: number): number {
  if (length === 0) return 0;
  switch (action) {
    case 'next':
      return Math.min(index + 1, length - 1);
    case 'previous':
      return Math.max(index - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return length - 1;
    default:
      return Math.min(index, length - 1);
  }
}

/**
 * After the list reloads: stay on the same task if it is still there, else on the same place
 * (the next task moved up into it), else the last.
 */
export function indexAfterReload(
  ids: readonly string[],
  activeId: string | null,
  previousIndex: number,
): number {
  if (ids.length === 0) return 0;
  const same = activeId === null ? -1 : ids.indexOf(activeId);
  if (same >= 0) return same;
  return Math.min(Math.max(previousIndex, 0), ids.length - 1);
}
