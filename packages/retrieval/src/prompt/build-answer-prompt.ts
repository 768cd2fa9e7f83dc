import { AndesError, type ChatMessage, type Hit } from '@andes-rag/core';
import { defaultAnswerSystemPrompt } from './default-system-prompt.js';
import { formatQuestionWithSources } from './format-source.js';
import { truncateToFit } from './truncate-source.js';

/** What {@link buildAnswerPrompt} needs. */
export interface BuildAnswerPromptOptions {
  question: string;
  /** Retrieved chunks, best first. */
  hits: readonly Hit[];
  /** Counts tokens the way the chat model does (its `countTokens`). */
  countTokens: (text: string) => number;
  /** The model's context window in tokens. */
  contextSize: number;
  /** Tokens kept free for the answer. */
  maxAnswerTokens: number;
  /** Instructions for the model. Default: {@link defaultAnswerSystemPrompt}. */
  systemPrompt?: string;
  /** Tokens the chat template adds around the messages (headers, special tokens). Default 32. */
  templateTokens?: number;
}

/** A prompt ready for a chat model, with the sources it cites. */
export interface AnswerPrompt {
  /** A system message with the instructions, and a user message with the numbered sources and the question. */
  messages: ChatMessage[];
  /**
   * The hits that fit, in order: `sources[i]` is `[i + 1]` in the prompt. When not even the best hit fits whole,
   * it is cut at a word boundary (text and `endOffset` shortened to what the model saw).
   */
  sources: Hit[];
  /** Tokens the prompt takes, template allowance included. */
  promptTokens: number;
}

/**
 * Builds the answer prompt within the context window: numbered sources `[1]`, `[2]`, ... with title, headings and
 * source path, then the question. The lowest-ranked sources are dropped until prompt + `maxAnswerTokens` fit
 * `contextSize`, counted with the model's tokenizer.
 *
 * @throws AndesError `context_overflow` when even the question alone does not fit; `invalid_request` for a
 *   `maxAnswerTokens` that is not a positive integer.
 */
export function buildAnswerPrompt(options: BuildAnswerPromptOptions): AnswerPrompt {
  const { question, countTokens, contextSize, maxAnswerTokens } = options;
  if (!Number.isInteger(maxAnswerTokens) || maxAnswerTokens < 1) {
    throw new AndesError('invalid_request', `maxAnswerTokens must be a positive integer, got ${maxAnswerTokens}.`);
  }
  const system = options.systemPrompt ?? defaultAnswerSystemPrompt;
  const fixedTokens = countTokens(system) + (options.templateTokens ?? 32) + maxAnswerTokens;
  const promptTokens = (sources: readonly Hit[]) =>
    fixedTokens - maxAnswerTokens + countTokens(formatQuestionWithSources(question, sources));
  const fits = (sources: readonly Hit[]) => promptTokens(sources) + maxAnswerTokens <= contextSize;

  if (!fits([])) {
    const needed = promptTokens([]) + maxAnswerTokens;
    throw new AndesError(
      'context_overflow',
      `The question needs ${needed} tokens with the answer, more than the model's context of ${contextSize}.`,
      {
        details: { contextSize, neededTokens: needed, maxAnswerTokens },
      },
    );
  }
  let sources = options.hits.slice();
  while (sources.length > 0 && !fits(sources)) sources.pop();
  const best = options.hits[0];
  if (sources.length === 0 && best) {
    const truncated = truncateToFit(best, (candidate) => fits([candidate]));
    if (truncated) sources = [truncated];
  }
  return {
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: formatQuestionWithSources(question, sources) },
    ],
    sources,
    promptTokens: promptTokens(sources),
  };
}
