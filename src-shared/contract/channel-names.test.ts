import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from './channels.ts';
import { CHANNEL_NAME_LIST, isKnownChannelName } from './channel-names.ts';

describe('channel name list', () => {
  it('is exactly the contract channels', () => {
    expect([...CHANNEL_NAME_LIST].sort()).toEqual([...CHANNEL_NAMES].sort());
  });
  it('does not accept inherited object keys', () => {
    expect(isKnownChannelName('constructor')).toBe(false);
    expect(isKnownChannelName('__proto__')).toBe(false);
  });
});
