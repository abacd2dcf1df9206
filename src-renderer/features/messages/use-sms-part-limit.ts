import { useStoredChoice } from '../../components/use-stored-choice.ts';
import { SMS_LIMIT_STORAGE_KEY, readSmsPartLimit } from './template-draft.ts';

/** The most SMS a message should take, as chosen on this computer and remembered there. */
export function useSmsPartLimit(): [number, (limit: number) => void] {
  return useStoredChoice(SMS_LIMIT_STORAGE_KEY, readSmsPartLimit);
}
