import type { EmbeddingModel, KnowledgeStore, StoreSearchOptions } from '@andes-rag/core';
import { throwIfAborted } from '../cancellation/throw-if-aborted.js';
import type { QueryRewrite } from '../rewriting/query-rewriter.js';
import type { RetrievalStage } from './retrieval-trace.js';
import { timedStage } from './retrieval-stages.js';

/** A text to search for: the question or an alternative phrasing (`query`), or a HyDE passage (`passage`). */
export interface SearchText {
  text: string;
  kind: 'query' | 'passage';
}

/** What {@link runRetrievers} searches with. */
export interface RetrieverRun {
  store: KnowledgeStore;
  collection: string;
  /** Run BM25. */
  lexical: boolean;
  /** The embedding model, when dense retrieval can run. */
  embeddingModel: EmbeddingModel | undefined;
  /** Why dense retrieval cannot run, when it cannot. */
  denseSkipped: string | undefined;
  storeOptions: StoreSearchOptions;
  signal: AbortSignal | undefined;
}

/**
 * Runs BM25 and dense retrieval (concurrently) for each search text, the question first. Stages of later texts
 * carry the text they searched; a skipped retriever is recorded once, for the question. A passage is embedded as
 * a document (with the model's document prefix), a query as a query.
 *
 * When one retriever fails, the others are cancelled (their signal aborts) and awaited before the failure is
 * thrown: nothing is left running in native code (an embedding in node-llama-cpp) when the caller goes on to
 * dispose the models, which would crash the process.
 */
export async function runRetrievers(run: RetrieverRun, texts: readonly SearchText[]): Promise<RetrievalStage[]> {
  const stages: RetrievalStage[] = [];
  for (const [index, text] of texts.entries()) {
    const pair = await runPair(run, text);
    throwIfAborted(run.signal);
    for (const stage of pair) {
      if (index === 0) stages.push(stage);
      else if (stage.skipped === undefined) stages.push({ ...stage, query: text.text });
    }
  }
  return stages;
}

/** BM25 and dense retrieval of one text; the first failure aborts the other, and is thrown once both settled. */
async function runPair(run: RetrieverRun, { text, kind }: SearchText): Promise<RetrievalStage[]> {
  const { store, collection, storeOptions } = run;
  const controller = new AbortController();
  const signal = run.signal ? AbortSignal.any([run.signal, controller.signal]) : controller.signal;
  const stopOthersOnFailure = async (stage: Promise<RetrievalStage>) => {
    try {
      return await stage;
    } catch (error) {
      controller.abort(error);
      throw error;
    }
  };
  const settled = await Promise.allSettled([
    stopOthersOnFailure(
      timedStage('lexical', run.lexical ? undefined : 'disabled', () =>
        store.searchLexical(collection, text, storeOptions),
      ),
    ),
    stopOthersOnFailure(
      timedStage('dense', run.denseSkipped, async () => {
        const model = run.embeddingModel as EmbeddingModel;
        const vector =
          kind === 'passage'
            ? (await model.embedDocuments([text], { signal }))[0]
            : await model.embedQuery(text, { signal });
        throwIfAborted(signal);
        return vector ? store.searchVector(collection, vector, storeOptions) : [];
      }),
    ),
  ]);
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  if (failure) {
    // The first failure is the cause; the other stage's `aborted` is only its consequence.
    throw controller.signal.aborted ? controller.signal.reason : failure.reason;
  }
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<RetrievalStage>).value);
}

/** The texts to search for: the (rewritten) question, its alternatives, then the HyDE passage. */
export function searchTexts(query: string, rewrite: QueryRewrite | undefined): SearchText[] {
  const texts: SearchText[] = [{ text: query, kind: 'query' }];
  for (const alternative of rewrite?.alternatives ?? []) texts.push({ text: alternative, kind: 'query' });
  if (rewrite?.hypotheticalDocument) texts.push({ text: rewrite.hypotheticalDocument, kind: 'passage' });
  return texts;
}
