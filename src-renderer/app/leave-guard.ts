/**
 * Unsaved work that must be confirmed before it is thrown away. One guard at a time (the
 * profile's contact form registers it while mounted); the router, in-app links and actions that
 * replace the form (archive, merge, language) go through `whenLeaveAllowed` first.
 */
export type LeaveGuard = {
  /** True while leaving would lose something. */
  isBlocking: () => boolean;
  /** Asks the user; calls `proceed` only if they agree to drop their changes. */
  ask: (proceed: () => void) => void;
};

let active: LeaveGuard | null = null;

/** Makes `guard` the one asked; returns the function that removes it again. */
export function setLeaveGuard(guard: LeaveGuard): () => void {
  active = guard;
  return () => {
    if (active === guard) active = null;
  };
}

export const isLeaveBlocked = (): boolean => active?.isBlocking() ?? false;

/** Runs `proceed` now, or once the user has agreed to drop their unsaved changes. */
export function whenLeaveAllowed(proceed: () => void): void {
  const guard = active;
  if (guard?.isBlocking()) guard.ask(proceed);
  else proceed();
}
