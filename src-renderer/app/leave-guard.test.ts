import { afterEach, describe, expect, it, vi } from 'vitest';
import { isLeaveBlocked, setLeaveGuard, whenLeaveAllowed } from './leave-guard.ts';
import type { LeaveGuard } from './leave-guard.ts';

const guardOf = (isBlocking: boolean) => {
  const asked: (() => void)[] = [];
  const guard: LeaveGuard = { isBlocking: () => isBlocking, ask: (proceed) => asked.push(proceed) };
  return { guard, asked };
};

describe('leave guard', () => {
  const removers: (() => void)[] = [];
  afterEach(() => {
    for (const remove of removers.splice(0)) remove();
  });

  it('lets everything through when no guard is set', () => {
    const proceed = vi.fn();
    whenLeaveAllowed(proceed);
    expect(proceed).toHaveBeenCalledOnce();
    expect(isLeaveBlocked()).toBe(false);
  });

  it('lets through at once while the guarded work is clean', () => {
    const { guard, asked } = guardOf(false);
    removers.push(setLeaveGuard(guard));
    const proceed = vi.fn();
    whenLeaveAllowed(proceed);
    expect(proceed).toHaveBeenCalledOnce();
    expect(asked).toHaveLength(0);
  });

  it('asks while dirty and proceeds only when the user agrees', () => {
    const { guard, asked } = guardOf(true);
    removers.push(setLeaveGuard(guard));
    const proceed = vi.fn();
    whenLeaveAllowed(proceed);
    expect(isLeaveBlocked()).toBe(true);
    expect(proceed).not.toHaveBeenCalled();
    asked[0]?.();
    expect(proceed).toHaveBeenCalledOnce();
  });

  it('removing an older guard leaves a newer one in place', () => {
    const removeOld = setLeaveGuard(guardOf(true).guard);
    removers.push(setLeaveGuard(guardOf(true).guard));
    removeOld();
    expect(isLeaveBlocked()).toBe(true);
  });
});
