/** Options of {@link unlessCancelled}. */
export interface UnlessCancelledOptions<Resource> {
  /** Fires the cancel. Default: none (it settles like the loading). */
  signal?: AbortSignal | undefined;
  /** The error to reject with once `signal` fires. */
  cancelled: () => Error;
  /** Frees a resource the loading yields after the cancel, since nobody else will; its failure is ignored. */
  release: (resource: Resource) => Promise<void>;
}

/**
 * For a step that takes no signal of its own: settles like `loading`, except that it rejects with
 * `options.cancelled()` the moment `options.signal` fires, without waiting. What `loading` yields after that goes
 * to `options.release`.
 */
export function unlessCancelled<Resource>(
  loading: Promise<Resource>,
  options: UnlessCancelledOptions<Resource>,
): Promise<Resource> {
  const { signal } = options;
  if (signal === undefined) return loading;
  return new Promise<Resource>((resolve, reject) => {
    let cancelled = false;
    const cancel = () => {
      cancelled = true;
      reject(options.cancelled());
    };
    if (signal.aborted) cancel();
    else signal.addEventListener('abort', cancel, { once: true });
    loading.then(
      (resource) => {
        signal.removeEventListener('abort', cancel);
        if (cancelled) void options.release(resource).catch(() => undefined);
        else resolve(resource);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', cancel);
        // After a cancel this rejection is not heard: the promise has settled.
        reject(error);
      },
    );
  });
}
