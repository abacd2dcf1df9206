import { createContext, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../app/i18n/use-t.ts';
import './toast.css';

export type ToastInput = {
  message: string;
  tone?: 'success' | 'error' | 'info';
  action?: { label: string; onAction: () => void | Promise<void> };
  testId?: string;
};
type Toast = ToastInput & { id: number };

export type ToastApi = { show: (toast: ToastInput) => void };

export const ToastContext = createContext<ToastApi | null>(null);

// Long enough to reach an Undo button; errors stay until dismissed.
const TOAST_MS = 8000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);
  const show = useCallback((toast: ToastInput) => {
    const id = nextId.current++;
    // One at a time is calmer than a stack; the newest replaces the rest.
    setToasts([{ ...toast, id }]);
  }, []);
  const api = useMemo(() => ({ show }), [show]);

  return (
    <ToastContext value={api}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <ToastView key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext>
  );
}

function ToastView({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const t = useT();
  useEffect(() => {
    if (toast.tone === 'error') return;
    const timer = window.setTimeout(() => onDismiss(toast.id), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div className={`toast toast-${toast.tone ?? 'info'}`} data-testid={toast.testId ?? 'toast'}>
      <span className="toast-message">{toast.message}</span>
      {toast.action ? (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            onDismiss(toast.id);
            void toast.action?.onAction();
          }}
          data-testid={`${toast.testId ?? 'toast'}-action`}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button
        type="button"
        className="icon-button toast-close"
        aria-label={t('common.close')}
        onClick={() => onDismiss(toast.id)}
        data-testid="toast-close"
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
