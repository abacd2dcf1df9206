import { useContext } from 'react';
import { ToastContext } from './ToastProvider.tsx';
import type { ToastApi } from './ToastProvider.tsx';

export function useToast(): ToastApi {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToast() needs a <ToastProvider> above it.');
  return value;
}
