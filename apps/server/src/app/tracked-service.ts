import type { AndesService } from '@andes-rag/runtime';

/** A service whose running calls can be awaited. */
export interface TrackedService {
  /** Forwards every call to the wrapped service, remembering each promise until it settles. */
  service: AndesService;
  /** Resolves true once no call made through `service` is still running, or false when `timeoutMs` passes first. */
  settled(timeoutMs: number): Promise<boolean>;
}

/**
 * Wraps a service so shutdown can wait for calls the server started: a cut-off stream aborts its `ask`, but the
 * generation unwinds a moment later, and closing the models under it is a known crash (a context disposed while a
 * prompt evaluates). Every method is listed, so a method added to AndesService fails to compile here until it is.
 */
export function trackServiceCalls(inner: AndesService): TrackedService {
  const running = new Set<Promise<unknown>>();
  const track = <Result>(promise: Promise<Result>): Promise<Result> => {
    running.add(promise);
    const forget = () => running.delete(promise);
    promise.then(forget, forget);
    return promise;
  };
  const service: AndesService = {
    readiness: () => inner.readiness(),
    listCollections: () => track(inner.listCollections()),
    ingest: (...parameters) => track(inner.ingest(...parameters)),
    listDocuments: (...parameters) => track(inner.listDocuments(...parameters)),
    deleteDocument: (...parameters) => track(inner.deleteDocument(...parameters)),
    renameCollection: (...parameters) => track(inner.renameCollection(...parameters)),
    deleteCollection: (...parameters) => track(inner.deleteCollection(...parameters)),
    getDocumentText: (...parameters) => track(inner.getDocumentText(...parameters)),
    search: (...parameters) => track(inner.search(...parameters)),
    explainSearch: (...parameters) => track(inner.explainSearch(...parameters)),
    ask: (...parameters) => track(inner.ask(...parameters)),
    chat: (...parameters) => track(inner.chat(...parameters)),
    embed: (...parameters) => track(inner.embed(...parameters)),
    models: () => track(inner.models()),
    createAssistant: (...parameters) => track(inner.createAssistant(...parameters)),
    updateAssistant: (...parameters) => track(inner.updateAssistant(...parameters)),
    listAssistants: (...parameters) => track(inner.listAssistants(...parameters)),
    getAssistant: (...parameters) => track(inner.getAssistant(...parameters)),
    listAssistantVersions: (...parameters) => track(inner.listAssistantVersions(...parameters)),
    releaseAssistant: (...parameters) => track(inner.releaseAssistant(...parameters)),
    deleteAssistant: (...parameters) => track(inner.deleteAssistant(...parameters)),
    createConversation: (...parameters) => track(inner.createConversation(...parameters)),
    listConversations: (...parameters) => track(inner.listConversations(...parameters)),
    getConversation: (...parameters) => track(inner.getConversation(...parameters)),
    deleteConversation: (...parameters) => track(inner.deleteConversation(...parameters)),
    sendMessage: (...parameters) => track(inner.sendMessage(...parameters)),
    rateMessage: (...parameters) => track(inner.rateMessage(...parameters)),
    apiKeys: async () => inner.apiKeys?.(),
    close: () => inner.close(),
  };
  const allSettled = async () => {
    while (running.size > 0) await Promise.allSettled([...running]);
  };
  const settled = (timeoutMs: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      void allSettled().then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  return { service, settled };
}
