import { afterEach, describe, expect, it, vi } from 'vitest';
import { HoldTimeAverage } from './hold-time-average.js';
import { SequencePool } from './sequence-pool.js';

describe('HoldTimeAverage', () => {
  it('suggests nothing before any hold, then the rounds of holds ahead of a caller', () => {
    const average = new HoldTimeAverage();
    expect(average.retryAfterSeconds(3, 2)).toBeUndefined();
    average.record(10_000);
    // 3 waiting + the caller, 2 at a time: 2 rounds of 10 s.
    expect(average.retryAfterSeconds(3, 2)).toBe(20);
    expect(average.retryAfterSeconds(0, 4)).toBe(10);
  });

  it('weighs recent holds most, and never suggests less than a second', () => {
    const average = new HoldTimeAverage();
    average.record(8_000);
    average.record(0);
    expect(average.retryAfterSeconds(0, 1)).toBe(6);
    const quick = new HoldTimeAverage();
    quick.record(20);
    expect(quick.retryAfterSeconds(0, 1)).toBe(1);
  });
});

describe('SequencePool Retry-After', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a full queue with retryAfterSeconds from the queue depth and recent generation times', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const pool = new SequencePool(['only'], 1);
    const item = await pool.acquire();
    vi.advanceTimersByTime(30_000);
    pool.release(item);
    await pool.acquire();
    const waiting = pool.acquire();
    // One generation holds the sequence, one waits: the refused caller is two 30 s generations away.
    await expect(pool.acquire()).rejects.toMatchObject({ code: 'queue_full', details: { retryAfterSeconds: 60 } });
    pool.release('only');
    expect(await waiting).toBe('only');
  });
});
