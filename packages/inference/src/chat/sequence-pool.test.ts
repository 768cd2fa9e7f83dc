import { describe, expect, it } from 'vitest';
import { SequencePool } from './sequence-pool.js';

describe('SequencePool', () => {
  it('hands out free items, then serves waiters in arrival order', async () => {
    const pool = new SequencePool(['a', 'b']);
    expect(await pool.acquire()).toBe('a');
    expect(await pool.acquire()).toBe('b');
    const order: string[] = [];
    const first = pool.acquire().then((item) => order.push(`first:${item}`));
    const second = pool.acquire().then((item) => order.push(`second:${item}`));
    expect(pool.waiting).toBe(2);
    pool.release('b');
    pool.release('a');
    await Promise.all([first, second]);
    expect(order).toEqual(['first:b', 'second:a']);
  });

  it('drops an aborted waiter from the queue at once', async () => {
    const pool = new SequencePool(['only']);
    await pool.acquire();
    const controller = new AbortController();
    const cancelled = pool.acquire(controller.signal);
    const next = pool.acquire();
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ code: 'aborted' });
    pool.release('only');
    expect(await next).toBe('only');
  });

  it('refuses callers beyond maxWaiting with queue_full', async () => {
    const pool = new SequencePool(['only'], 1);
    await pool.acquire();
    void pool.acquire();
    await expect(pool.acquire()).rejects.toMatchObject({ code: 'queue_full' });
  });

  it('rejects waiting and new callers with not_ready once closed', async () => {
    const pool = new SequencePool(['only']);
    await pool.acquire();
    const waiting = pool.acquire();
    pool.close();
    await expect(waiting).rejects.toMatchObject({ code: 'not_ready' });
    await expect(pool.acquire()).rejects.toMatchObject({ code: 'not_ready' });
  });

  it('resets a returned item in the background and lends a ready spare meanwhile', async () => {
    const finishReset = new Map<string, () => void>();
    const pool = new SequencePool(['a', 'spare'], Number.POSITIVE_INFINITY, {
      slots: 1,
      reset: (item) => new Promise<void>((resolve) => finishReset.set(item, resolve)),
    });
    expect(await pool.acquire()).toBe('a');
    pool.release('a');
    expect([...finishReset.keys()]).toEqual(['a']);
    expect(await pool.acquire()).toBe('spare');
    const next = pool.acquire();
    pool.release('spare');
    finishReset.get('a')!();
    expect(await next).toBe('a');
  });

  it('counts a caller that would wait for a reset as waiting: refused with maxWaiting 0, served after the reset with 1', async () => {
    const reset = () => new Promise<void>((resolve) => setTimeout(resolve, 5));
    const strict = new SequencePool(['only'], 0, { reset });
    strict.release(await strict.acquire());
    await expect(strict.acquire()).rejects.toMatchObject({ code: 'queue_full' });
    await strict.settled();
    expect(await strict.acquire()).toBe('only');

    const patient = new SequencePool(['only'], 1, { reset });
    patient.release(await patient.acquire());
    const admitted = patient.acquire();
    expect(patient.waiting).toBe(1);
    await expect(patient.acquire()).rejects.toMatchObject({ code: 'queue_full' });
    expect(await admitted).toBe('only');
  });
});
