import { describe, expect, it } from 'vitest';
import {
  estimatedSeconds,
  parseRate,
  progressPercent,
  rememberJob,
  rememberedJob,
  timeLeftText,
} from './send-progress.ts';

describe('send progress', () => {
  it('reads a rate in Persian or Latin digits, within 1 to 600 a minute', () => {
    expect(parseRate('30')).toBe(30);
    expect(parseRate('۱۲۰')).toBe(120);
    expect(parseRate(' 600 ')).toBe(600);
    expect(parseRate('0')).toBeNull();
    expect(parseRate('601')).toBeNull();
    expect(parseRate('2.5')).toBeNull();
    expect(parseRate('')).toBeNull();
    expect(parseRate('-5')).toBeNull();
  });

  it('says the time left in seconds, then whole minutes, then hours and minutes', () => {
    expect(timeLeftText(null)).toBeNull();
    expect(timeLeftText(0)).toEqual({ key: 'send.progress.secondsLeft', params: { count: 0 } });
    expect(timeLeftText(12.2)).toEqual({ key: 'send.progress.secondsLeft', params: { count: 13 } });
    expect(timeLeftText(61)).toEqual({ key: 'send.progress.minutesLeft', params: { count: 2 } });
    expect(timeLeftText(3_540)).toEqual({
      key: 'send.progress.minutesLeft',
      params: { count: 59 },
    });
    expect(timeLeftText(3_600 + 5 * 60)).toEqual({
      key: 'send.progress.hoursLeft',
      params: { hours: 1, minutes: 5 },
    });
  });

  it('estimates a send: the first message at once, then one per interval', () => {
    expect(estimatedSeconds(0, 30)).toBe(0);
    expect(estimatedSeconds(1, 30)).toBe(0);
    expect(estimatedSeconds(31, 30)).toBe(60);
    expect(estimatedSeconds(601, 600)).toBe(60);
  });

  it('fills the bar only when the send has ended', () => {
    expect(progressPercent({ state: 'running', position: 0, total: 0 })).toBe(0);
    expect(progressPercent({ state: 'running', position: 1, total: 3 })).toBe(33);
    expect(progressPercent({ state: 'running', position: 3, total: 3 })).toBe(99);
    expect(progressPercent({ state: 'cancelled', position: 1, total: 3 })).toBe(100);
    expect(progressPercent({ state: 'done', position: 3, total: 3 })).toBe(100);
  });

  it('remembers the send of each template until it is let go', () => {
    rememberJob('t1', 'j1');
    rememberJob('t2', 'j2');
    expect(rememberedJob('t1')).toBe('j1');
    rememberJob('t1', null);
    expect(rememberedJob('t1')).toBeNull();
    expect(rememberedJob('t2')).toBe('j2');
  });
});
