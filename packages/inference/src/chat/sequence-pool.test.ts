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
});
