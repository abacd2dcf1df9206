import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { setLeaveGuard } from './leave-guard.ts';
import { useSettings } from './use-settings.ts';

export type LeaveGuardState = {
  /** A navigation or action is waiting for the user's answer: show the confirm. */
  isAsking: boolean;
  /** Keep the changes and stay. */
  stay: () => void;
  /** Drop the changes and carry on with what was asked. */
  leave: () => void;
};

/**
 * Guards unsaved changes while `isDirty`: leaving the screen (links, Back, navigate(), actions
 * that replace the form) waits for the user's answer, and closing or reloading the browser tab
 * asks through the browser's own `beforeunload` prompt.
 */
export function useLeaveGuard(isDirty: boolean, discard: () => void): LeaveGuardState {
  const { info } = useSettings();
  const [pending, setPending] = useState<{ proceed: () => void } | null>(null);
  const isDirtyRef = useRef(isDirty);
  useLayoutEffect(() => {
    isDirtyRef.current = isDirty;
  }, [isDirty]);

  useEffect(
    () =>
      setLeaveGuard({
        isBlocking: () => isDirtyRef.current,
        ask: (proceed) => setPending({ proceed }),
      }),
    [],
  );

  useEffect(() => {
    // Only in a browser tab. In the desktop shell a cancelled beforeunload silently keeps the
    // window open (Electron shows no prompt unless the main process handles
    // `will-prevent-unload`), which would leave the user with a window that will not close.
    if (!isDirty || info.host !== 'browser') return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirty, info.host]);

  return {
    isAsking: pending !== null,
    stay: () => setPending(null),
    leave: () => {
      // Clean at once, so the navigation that follows is not held again by this same guard.
      isDirtyRef.current = false;
      discard();
      setPending(null);
      pending?.proceed();
    },
  };
}
