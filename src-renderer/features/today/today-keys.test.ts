import { describe, expect, it } from 'vitest';
import { indexAfterReload, movedIndex, todayActionOf } from './today-keys.ts';

const key = (
  code: string,
  mods: Partial<Record<'ctrl' | 'meta' | 'alt' | 'shift', boolean>> = {},
) => ({
  code,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
});

describe('todayActionOf', () => {
  it.each([
    ['ArrowDown', 'next'],
    ['KeyJ', 'next'],
    ['ArrowUp', 'previous'],
    ['KeyK', 'previous'],
    ['Enter', 'open'],
    ['KeyR', 'reached'],
    ['KeyN', 'no_answer'],
    ['KeyB', 'busy'],
    ['KeyL', 'log'],
    ['KeyC', 'complete'],
    ['KeyS', 'snooze'],
    ['KeyA', 'assign'],
    ['KeyX', 'dismiss'],
  ] as const)('%s asks for %s', (code, action) => {
    expect(todayActionOf(key(code))).toBe(action);
  });

  it('leaves modified keys and unknown keys alone', () => {
    expect(todayActionOf(key('KeyC', { ctrl: true }))).toBeNull();
    expect(todayActionOf(key('KeyK', { meta: true }))).toBeNull();
    expect(todayActionOf(key('KeyN', { alt: true }))).toBeNull();
    expect(todayActionOf(key('KeyN', { shift: true }))).toBeNull();
    expect(todayActionOf(key('KeyQ'))).toBeNull();
    expect(todayActionOf(key('Digit1'))).toBeNull();
  });
});

describe('movedIndex', () => {
  it('stays inside the list', () => {
    expect(movedIndex('next', 2, 3)).toBe(2);
    expect(movedIndex('previous', 0, 3)).toBe(0);
    expect(movedIndex('next', 0, 3)).toBe(1);
    expect(movedIndex('last', 0, 3)).toBe(2);
    expect(movedIndex('first', 2, 3)).toBe(0);
    expect(movedIndex('next', 0, 0)).toBe(0);
  });
});

describe('indexAfterReload', () => {
  it('follows the same task when it moved', () => {
    expect(indexAfterReload(['new', 'a', 'b'], 'a', 0)).toBe(1);
  });

  it('takes the next task into the place of one that left', () => {
    expect(indexAfterReload(['a', 'c'], 'b', 1)).toBe(1);
    expect(indexAfterReload(['a'], 'b', 1)).toBe(0);
    expect(indexAfterReload([], 'b', 1)).toBe(0);
  });
});
