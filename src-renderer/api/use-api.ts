import { useContext } from 'react';
import type { Api } from '../../src-shared/contract/index.ts';
import { ApiContext } from './ApiProvider.tsx';

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it.');
  return api;
}
