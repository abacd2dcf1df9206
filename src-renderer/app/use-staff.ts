import { useContext } from 'react';
import { StaffContext } from './StaffProvider.tsx';
import type { StaffValue } from './StaffProvider.tsx';

export function useStaff(): StaffValue {
  const value = useContext(StaffContext);
  if (!value) throw new Error('useStaff() needs a <StaffProvider> above it.');
  return value;
}
