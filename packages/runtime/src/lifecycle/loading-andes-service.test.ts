import { describe, expect, it } from 'vitest';
import { AndesError } from '@andes-rag/core';
import type { AndesService } from '../andes-service.js';
import { LoadingAndesService } from './loading-andes-service.js';

function deferred<Value>() {
  let resolve: (value: Value) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<Value>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

/** The least of a service this test needs: readiness, models and close. The loading wrapper is under test. */
function loadedService(events: string[]): AndesService {
  return {
    readiness: () => ({ ready: true, store: true, chatModel: 'chat', embeddingModel: null }),
    models: async () => [{ id: 'chat', kind: 'chat' }],
    close: async () => {
      events.push('closed');
    },
  } as Partial<AndesService> as AndesService;
}

async function rejectionCode(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  return AndesError.isInstance(error) ? error.code : undefined;
}

describe('LoadingAndesService', () => {
  it('answers not_ready while loading, then forwards to the loaded service', async () => {
    const opening = deferred<AndesService>();
    const service = new LoadingAndesService(() => opening.promise);
    expect(service.readiness().ready).toBe(false);
    expect(await rejectionCode(service.models())).toBe('not_ready');
    expect(await rejectionCode(service.chat({ model: 'chat', messages: [] }))).toBe('not_ready');
    opening.resolve(loadedService([]));
    await service.whenLoaded();
    expect(service.readiness()).toMatchObject({ ready: true, chatModel: 'chat' });
    expect(await service.models()).toEqual([{ id: 'chat', kind: 'chat' }]);
  });

  it('reports a failed load from whenLoaded and keeps answering not_ready', async () => {
    const service = new LoadingAndesService(() => Promise.reject(new AndesError('model_not_found', 'no such file')));
    expect(await rejectionCode(service.whenLoaded())).toBe('model_not_found');
    expect(await rejectionCode(service.listCollections())).toBe('not_ready');
    await service.close();
  });

  it('closes a service that finishes loading after close was called', async () => {
    const events: string[] = [];
    const opening = deferred<AndesService>();
    const service = new LoadingAndesService(() => opening.promise);
    const closing = service.close();
    opening.resolve(loadedService(events));
    await closing;
    expect(events).toEqual(['closed']);
    expect(service.readiness().ready).toBe(false);
    expect(await rejectionCode(service.models())).toBe('not_ready');
  });

  it('cancels a loading under way on close, through the signal open was given', async () => {
    const events: string[] = [];
    // A load that ends only when its signal fires, as openAndes does (it frees what it loaded, then rejects).
    const service = new LoadingAndesService(
      (signal) =>
        new Promise<AndesService>((_resolve, reject) =>
          signal.addEventListener('abort', () => {
            events.push('load cancelled');
            reject(new AndesError('aborted', 'Loading the models was cancelled'));
          }),
        ),
    );
    await service.close();
    expect(events).toEqual(['load cancelled']);
    expect(await rejectionCode(service.whenLoaded())).toBe('aborted');
    expect(service.readiness().ready).toBe(false);
    expect(await rejectionCode(service.models())).toBe('not_ready');
  });
});
