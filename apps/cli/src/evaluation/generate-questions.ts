import { AndesError, type ChatModel, type DocumentRecord, type Hit } from '@andes-rag/core';
import type { AndesRuntime } from '@andes-rag/runtime';
import { questionFromReply, questionPrompt } from './question-prompt.js';
import { spreadSample } from './spread-sample.js';

/** One drafted question, in the JSONL format `andes eval` reads, plus the passage it was written from. */
export interface DraftedQuestion {
  id: string;
  question: string;
  /** The document the passage came from: the one relevant document. */
  relevant: [string];
  /** The passage the model read (for the person who reviews the draft; `andes eval` ignores it). */
  passage: string;
}

/** What {@link generateQuestions} needs. */
export interface GenerateQuestionsOptions {
  runtime: AndesRuntime;
  chatModel: ChatModel;
  collection: string;
  /** How many questions; at most one per document. */
  count: number;
  /** Tokens the model may write per question. Default 80. */
  maxTokens?: number;
  /** Called after each question with how many are done. */
  onProgress?: (progress: { done: number; total: number; source: string }) => void;
}

const attemptsPerDocument = 3;

/**
 * Drafts an evaluation set from a collection: documents sorted by source are sampled evenly across the whole
 * collection (one question each), a passage of each is found by searching for the document's title within it,
 * and the chat model writes a question that passage answers (sampled at temperature 0.7 with a fixed seed per
 * question, so a rerun drafts the same set). A document whose passage cannot be found, or whose replies hold no
 * question in three tries, is replaced by the next unused one. The result is a draft for a person to review.
 *
 * @throws AndesError `collection_not_found`, `invalid_request` (an empty collection).
 */
export async function generateQuestions(options: GenerateQuestionsOptions): Promise<DraftedQuestion[]> {
  const { runtime, chatModel, collection } = options;
  const documents = (await runtime.listDocuments(collection)).sort((left, right) =>
    left.source < right.source ? -1 : left.source > right.source ? 1 : 0,
  );
  if (documents.length === 0)
    throw new AndesError('invalid_request', `Collection "${collection}" holds no documents to write questions about.`);
  const wanted = Math.min(options.count, documents.length);
  const picked = spreadSample(documents.length, wanted);
  const order = [...picked, ...documents.map((_unused, index) => index).filter((index) => !picked.includes(index))];
  const drafted: DraftedQuestion[] = [];
  for (const index of order) {
    if (drafted.length === wanted) break;
    const document = documents[index] as DocumentRecord;
    const passage = await passageOf(runtime, collection, document);
    if (!passage) continue;
    const question = await askForQuestion(
      chatModel,
      document.title || document.source,
      passage.text,
      drafted.length,
      options.maxTokens ?? 80,
    );
    if (question === '') continue;
    drafted.push({
      id: `generated-${drafted.length + 1}`,
      question,
      relevant: [document.source],
      passage: passage.text,
    });
    options.onProgress?.({ done: drafted.length, total: wanted, source: document.source });
  }
  return drafted;
}

/** A passage of the document: its best chunk for its own title (or file name), searched within it alone. */
async function passageOf(
  runtime: AndesRuntime,
  collection: string,
  document: DocumentRecord,
): Promise<Hit | undefined> {
  const fileName = document.source.split(/[\\/]/).pop() ?? document.source;
  for (const query of [document.title, fileName.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ')]) {
    if (query.trim() === '') continue;
    const hits = await runtime.search({ collection, query, k: 1, filter: { documentIds: [document.id] } });
    if (hits[0]) return hits[0];
  }
  return undefined;
}

async function askForQuestion(
  model: ChatModel,
  title: string,
  passage: string,
  position: number,
  maxTokens: number,
): Promise<string> {
  for (let attempt = 0; attempt < attemptsPerDocument; attempt += 1) {
    const generation = await model.generate(questionPrompt(title, passage), {
      maxTokens,
      temperature: 0.7,
      seed: position * attemptsPerDocument + attempt,
    });
    const question = questionFromReply(generation.text);
    if (question !== '') return question;
  }
  return '';
}
