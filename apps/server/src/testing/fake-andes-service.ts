import { readFile } from 'node:fs/promises';
import type { Answer, CollectionInfo, DocumentRecord, Hit } from '@andes-rag/core';
import { AndesError } from '@andes-rag/core';
import type {
  AndesService,
  AskRequest,
  ChatRequest,
  ChatResult,
  DocumentText,
  EmbedRequest,
  EmbedResult,
  ExplainedSearch,
  IngestInput,
  IngestReport,
  Readiness,
  SearchRequest,
  ServedModel,
} from '@andes-rag/runtime';

/**
 * An in-memory AndesService for testing the HTTP layer around it (routes, status codes, streaming, shutdown).
 * It is not the thing under test: the real service is tested end to end in `test/`.
 *
 * Questions steer it: `hang` waits until the request's signal aborts; `fail midway` streams one token, then throws
 * an unexpected Error. Other questions announce one citation, then stream {@link FakeAndesService.answerTokens}.
 */
export class FakeAndesService implements AndesService {
  ready = true;
  closeCount = 0;
  /** What happened, in order: `ask aborted` when a hanging ask unwinds, `close` when closed. */
  readonly events: string[] = [];
  readonly ingestCalls: { collection: string; inputs: IngestInput[] }[] = [];
  readonly askCalls: AskRequest[] = [];
  readonly searchCalls: SearchRequest[] = [];
  readonly chatCalls: ChatRequest[] = [];
  /** Tokens streamed for every answer. */
  answerTokens = ['Laptops ', 'ship ', 'on day one [1].'];
  /** The next call to any method throws this, once. */
  nextError: unknown;
  /** While set, every `ask` waits for it before answering. */
  gate: Promise<void> | undefined;
  /** While set, every `ingest` waits for it (after reading its files) before storing. */
  ingestGate: Promise<void> | undefined;
  /** The temporary file paths uploads handed to `ingest`. */
  readonly ingestedPaths: string[] = [];
  readonly #ingestStarted = deferred<void>();
  readonly #documents = new Map<string, DocumentRecord[]>();
  readonly #asked = deferred<AskRequest>();
  readonly #aborted = deferred<unknown>();

  constructor(collections: string[] = ['default']) {
    for (const name of collections) this.#documents.set(name, []);
  }

  /** Resolves with the first `ask` request once the service receives it. */
  get askStarted(): Promise<AskRequest> {
    return this.#asked.promise;
  }

  /** Resolves once the first `ingest` has read its files. */
  get ingestStarted(): Promise<void> {
    return this.#ingestStarted.promise;
  }

  /** Resolves with the abort reason once a hanging `ask` sees its signal fire. */
  get askAborted(): Promise<unknown> {
    return this.#aborted.promise;
  }

  readiness(): Readiness {
    return { ready: this.ready, store: this.ready, chatModel: null, embeddingModel: null };
  }

  async listCollections(): Promise<CollectionInfo[]> {
    this.#throwInjected();
    return [...this.#documents].map(([name, documents]) => ({
      name,
      embeddingDimensions: undefined,
      embeddingModel: undefined,
      documentCount: documents.length,
      chunkCount: documents.length,
      createdAt: '2025-01-01T00:00:00.000Z',
    }));
  }

  async ingest(collection: string, pending: IngestInput[]): Promise<IngestReport> {
    this.#throwInjected();
    // Uploads arrive as temporary files: keep their bytes, as the real service stores them.
    const inputs = await Promise.all(
      pending.map(async (input): Promise<IngestInput> => {
        const { path, ...fields } = input;
        return path === undefined ? input : { ...fields, bytes: await readFile(path), path: undefined };
      }),
    );
    this.ingestCalls.push({ collection, inputs });
    this.ingestedPaths.push(...pending.flatMap((input) => (input.path === undefined ? [] : [input.path])));
    this.#ingestStarted.resolve();
    await this.ingestGate;
    const documents = this.#documents.get(collection) ?? [];
    this.#documents.set(collection, documents);
    const files = inputs.map((input): IngestReport['files'][number] => {
      if (!/\.(md|txt|html)$/.test(input.source)) {
        return {
          source: input.source,
          status: 'failed',
          error: { code: 'unsupported_file_type', message: `${input.source}: unsupported type` },
        };
      }
      const record: DocumentRecord = {
        id: `document-${documents.length + 1}`,
        collection,
        source: input.source,
        title: input.source,
        mediaType: input.mediaType ?? 'text/plain',
        contentHash: String(input.bytes?.length ?? 0),
        chunkCount: 1,
        ingestedAt: '2025-01-01T00:00:00.000Z',
      };
      documents.push(record);
      return { source: input.source, status: 'created', documentId: record.id, chunkCount: 1 };
    });
    return { collection, files };
  }

  async listDocuments(collection: string): Promise<DocumentRecord[]> {
    return [...this.#collection(collection)];
  }

  async renameCollection(name: string, newName: string): Promise<CollectionInfo> {
    const documents = this.#collection(name);
    if (this.#documents.has(newName)) throw new AndesError('conflict', `A collection named ${newName} exists.`);
    this.#documents.delete(name);
    this.#documents.set(newName, documents);
    const renamed = (await this.listCollections()).find((collection) => collection.name === newName);
    return renamed as CollectionInfo;
  }

  async deleteCollection(name: string): Promise<void> {
    this.#collection(name);
    this.#documents.delete(name);
  }

  /** The document's text is its source repeated; one chunk covers its second half. */
  async getDocumentText(collection: string, documentId: string): Promise<DocumentText> {
    const document = this.#collection(collection).find((candidate) => candidate.id === documentId);
    if (document === undefined) throw new AndesError('not_found', `No document ${documentId}.`);
    const text = `${document.source} ${document.source}`;
    return {
      documentId,
      source: document.source,
      title: document.title,
      mediaType: document.mediaType,
      text,
      chunks: [{ chunkId: 'chunk-0', start: document.source.length + 1, end: text.length, headingPath: [] }],
    };
  }

  async deleteDocument(collection: string, documentId: string): Promise<boolean> {
    const documents = this.#collection(collection);
    const index = documents.findIndex((document) => document.id === documentId);
    if (index === -1) return false;
    documents.splice(index, 1);
    return true;
  }

  async search(request: SearchRequest): Promise<Hit[]> {
    this.searchCalls.push(request);
    this.#collection(request.collection);
    const hits = Array.from({ length: 20 }, (_, index) => hit(index, request.query));
    return hits.slice(0, request.k ?? 10);
  }

  /** The fake hits, with a one-stage (BM25) trace in which every hit clears the threshold. */
  async explainSearch(request: SearchRequest): Promise<ExplainedSearch> {
    const hits = await this.search(request);
    const ranked = hits.map((hit, index) => ({ chunkId: hit.chunkId, rank: index + 1, score: hit.score }));
    return {
      hits,
      covered: true,
      trace: {
        query: request.query,
        k: request.k ?? 10,
        candidates: 40,
        stages: [{ name: 'lexical', candidates: ranked, durationMs: 1 }],
        threshold: { signal: 'term-coverage', minimum: 0.34, covered: true, best: 1 },
        hits: ranked.map((candidate) => ({
          ...candidate,
          source: 'handbook/onboarding.md',
          stages: { lexical: { rank: candidate.rank, score: candidate.score } },
          relevance: { value: 1, cleared: true },
        })),
      },
    };
  }

  async ask(request: AskRequest): Promise<Answer> {
    this.askCalls.push(request);
    this.#asked.resolve(request);
    this.#collection(request.collection);
    await this.gate;
    if (request.question === 'hang') return this.#hang(request);
    const citations = [{ ...hit(0, request.question), n: 1 }];
    request.onCitations?.(citations);
    if (request.question === 'fail midway') {
      request.onTextChunk?.('Partial ');
      await nextTurn();
      throw new Error('disk exploded at /secret/path');
    }
    for (const token of this.answerTokens) {
      await nextTurn();
      request.onTextChunk?.(token);
    }
    return {
      answer: this.answerTokens.join(''),
      mode: 'generative',
      citations,
    };
  }

  /** Serves `fake-chat`, `fake-embedding` (4 dimensions) and `andes:<collection>` for each collection. */
  async models(): Promise<ServedModel[]> {
    this.#throwInjected();
    const collections = [...this.#documents.keys()].map((collection): ServedModel => ({
      id: `andes:${collection}`,
      kind: 'collection',
      collection,
    }));
    return [{ id: 'fake-chat', kind: 'chat' }, { id: 'fake-embedding', kind: 'embedding' }, ...collections];
  }

  /** Streams {@link answerTokens}; the last message `hang` waits for the signal like an `ask`. */
  async chat(request: ChatRequest): Promise<ChatResult> {
    this.chatCalls.push(request);
    const collection = request.model.startsWith('andes:') ? request.model.slice('andes:'.length) : undefined;
    if (collection !== undefined) this.#collection(collection);
    else if (request.model !== 'fake-chat') {
      throw new AndesError('not_found', `The model "${request.model}" does not exist.`, {
        details: { model: request.model },
      });
    }
    this.#throwInjected();
    const question = request.messages.at(-1)?.content ?? '';
    if (question === 'hang')
      return this.#hang({
        collection: collection ?? 'default',
        question,
        ...(request.signal ? { signal: request.signal } : {}),
        ...(request.onTextChunk ? { onTextChunk: request.onTextChunk } : {}),
      });
    for (const token of this.answerTokens) {
      await nextTurn();
      request.onTextChunk?.(token);
    }
    const result: ChatResult = {
      model: request.model,
      text: this.answerTokens.join(''),
      finishReason: 'stop',
      promptTokens: 12,
      completionTokens: this.answerTokens.length,
    };
    return collection === undefined ? result : { ...result, citations: [{ ...hit(0, question), n: 1 }] };
  }

  /** Embeds with `fake-embedding` only: vectors `[length, 1, 0, -1]` (the text's length first). */
  async embed(request: EmbedRequest): Promise<EmbedResult> {
    this.#throwInjected();
    if (request.model !== 'fake-embedding') {
      throw new AndesError('not_found', `The model "${request.model}" does not exist.`, {
        details: { model: request.model },
      });
    }
    const vectors = request.input.map((text) => Float32Array.from([text.length, 1, 0, -1]));
    return { model: request.model, vectors, promptTokens: request.input.length };
  }

  /** Assistants and conversations are not faked: the real ones are tested in `test/e2e/`. */
  createAssistant: AndesService['createAssistant'] = () =>
    Promise.reject(new AndesError('not_found', 'The fake service has no assistants or conversations.'));
  updateAssistant: AndesService['updateAssistant'] = () =>
    Promise.reject(new AndesError('not_found', 'The fake service has no assistants or conversations.'));
  listAssistants: AndesService['listAssistants'] = () =>
    Promise.reject(new AndesError('not_found', 'The fake service has no assistants or conversations.'));
  getAssistant: AndesService['getAssistant'] = () =>
    Promise.reject(new AndesError('not_found', 'The fake service has no assistants or conversations.'));
  listAssistantVersions: AndesService['listAssistantVersions'] = () =>
    Promise.reject(new AndesError('not_found', 'The fake service has no assistants or conversations.'));
  releaseAssistant: AndesService['releaseAssistant'] = () =>
    Promise.reject(new AndesError('not_found', 'The fake service has no assistants or conversations.'));
  deleteAssistant: AndesService['deleteAssistant'] = () =>
    Promise.reject(new AndesError('not_found', 'The fake service has no assistants or conversations.'));
  createConversation: AndesService['createConversation'] = () =>
    Promise.reject(new AndesError('not_found', 'The fake service has no assistants or conversations.'));
  listConversations: AndesService['listConversations'] = () =>
    Promise.reject(new AndesError('not_found', 'The fake service has no assistants or conversations.'));
  getConversation: AndesService['getConversation'] = () =>
    Promise.reject(new AndesError('not_found', 'The fake service has no assistants or conversations.'));
  deleteConversation: AndesService['deleteConversation'] = () =>
    Promise.reject(new AndesError('not_found', 'The fake service has no assistants or conversations.'));
  sendMessage: AndesService['sendMessage'] = () =>
    Promise.reject(new AndesError('not_found', 'The fake service has no assistants or conversations.'));
  rateMessage: AndesService['rateMessage'] = () =>
    Promise.reject(new AndesError('not_found', 'The fake service has no assistants or conversations.'));

  async close(): Promise<void> {
    this.closeCount += 1;
    this.events.push('close');
  }

  async #hang(request: AskRequest): Promise<never> {
    request.onTextChunk?.('Thinking');
    const signal = request.signal;
    if (signal === undefined) throw new Error('ask got no signal');
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    // Unwinding takes a moment in a real generation.
    await nextTurn();
    this.events.push('ask aborted');
    this.#aborted.resolve(signal.reason);
    throw new AndesError('aborted', 'Generation aborted.');
  }

  #collection(name: string): DocumentRecord[] {
    this.#throwInjected();
    const documents = this.#documents.get(name);
    if (documents === undefined) throw new AndesError('collection_not_found', `No collection named ${name}.`);
    return documents;
  }

  #throwInjected(): void {
    const error = this.nextError;
    if (error === undefined) return;
    this.nextError = undefined;
    throw error;
  }
}

function hit(index: number, query: string): Hit {
  const text = `Passage ${index} about ${query}`;
  return {
    chunkId: `chunk-${index}`,
    documentId: 'document-1',
    source: 'handbook/onboarding.md',
    title: 'Onboarding',
    headingPath: ['Onboarding'],
    text,
    score: 1 / (index + 1),
    startOffset: 0,
    endOffset: text.length,
  };
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A promise with its resolve function outside. */
export function deferred<Value>(): { promise: Promise<Value>; resolve: (value: Value) => void } {
  let resolve: (value: Value) => void = () => {};
  const promise = new Promise<Value>((done) => (resolve = done));
  return { promise, resolve };
}
