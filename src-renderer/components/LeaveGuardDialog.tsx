import type { ReactNode } from 'react';
import type { LeaveGuardState } from '../app/use-leave-guard.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/**
 * "Discard your changes?" while a leave guard (useLeaveGuard) is asking: discarding is the
 * dangerous choice, so keeping the changes has the focus.
 */
export function LeaveGuardDialog({
  guard,
  title,
  confirmLabel,
  keepLabel,
  testId,
  children,
}: {
  guard: LeaveGuardState;
  title: string;
  confirmLabel: string;
  keepLabel: string;
  testId: string;
  children: ReactNode;
}) {
  if (!guard.isAsking) return null;
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      cancelLabel={keepLabel}
      tone="danger"
      initialFocus="cancel"
      onConfirm={async () => guard.leave()}
      onClose={guard.stay}
      testId={testId}
    >
      {children}
    </ConfirmDialog>
  );
}
