import { describe, expect, it } from 'vitest';
import { unlessCancelled } from './unless-cancelled.js';

function deferred<Value>() {
  let resolve: (value: Value) => void = () => {};
  const promise = new Promise<Value>((onResolve) => {
    resolve = onResolve;
  });
  return { promise, resolve };
}

describe('unlessCancelled', () => {
  it('rejects as the signal fires, without waiting, and releases what the loading yields afterwards', async () => {
    const loading = deferred<string>();
    const released: string[] = [];
    const controller = new AbortController();
    const waiting = unlessCancelled(loading.promise, {
      signal: controller.signal,
      cancelled: () => new Error('cancelled'),
      release: async (resource) => {
        released.push(resource);
      },
    });
    controller.abort();
    await expect(waiting).rejects.toThrow('cancelled');
    expect(released).toEqual([]);
    loading.resolve('backend');
    await loading.promise;
    expect(released).toEqual(['backend']);
  });

  it('settles like the loading when the signal does not fire', async () => {
    const released: string[] = [];
    const options = {
      signal: new AbortController().signal,
      cancelled: () => new Error('cancelled'),
      release: async (resource: string) => {
        released.push(resource);
      },
    };
    await expect(unlessCancelled(Promise.resolve('backend'), options)).resolves.toBe('backend');
    await expect(unlessCancelled(Promise.reject(new Error('no binary')), options)).rejects.toThrow('no binary');
    expect(released).toEqual([]);
  });
});
