import { noopLogger, type ChatMessage, type ChatModel, type Logger } from '@andes-rag/core';
import { generatedLines } from './generated-lines.js';
import {
  condenseSystemPrompt,
  condenseUserMessage,
  hypotheticalDocumentSystemPrompt,
  multiQuerySystemPrompt,
} from './rewrite-prompts.js';

/** How a {@link QueryRewriter} rewrites questions. */
export interface QueryRewriterOptions {
  /** The model that writes the rewrites (the configured chat model). */
  chatModel: ChatModel;
  /** Rewrite a follow-up into a standalone question when a conversation history is given. Default true. */
  condenseFollowUps?: boolean;
  /**
   * How many alternative phrasings of the question to search too (multi-query), fused with the original by
   * reciprocal rank fusion. Default 0 (off): it cannot be measured without a real chat model.
   */
  multiQuery?: number;
  /** Also search with a hypothetical answer passage the model writes (HyDE). Default false, for the same reason. */
  hypotheticalDocument?: boolean;
  /** Most tokens of each generation. Default 96. */
  maxTokens?: number;
  /** Default: {@link noopLogger}. */
  logger?: Logger;
}

/** What a rewrite produced, for the retrieval trace. */
export interface QueryRewrite {
  /** The question as asked. */
  original: string;
  /** The question searched: the standalone rewrite of a follow-up, else the original. */
  query: string;
  /** True when `query` is a condensed follow-up. */
  condensed: boolean;
  /** Alternative phrasings also searched (multi-query). */
  alternatives: string[];
  /** The hypothetical answer passage also searched (HyDE), when turned on. */
  hypotheticalDocument?: string;
  /** Time spent generating, in milliseconds. */
  durationMs: number;
}

const longestQueryChars = 1000;

/**
 * Rewrites questions with the chat model before retrieval: follow-up condensation for multi-turn questions,
 * multi-query and HyDE as options. Generations are greedy (temperature 0), so a rewrite is reproducible. A reply
 * with nothing usable falls back to the question as asked.
 */
export class QueryRewriter {
  private readonly options: Required<Omit<QueryRewriterOptions, 'logger'>>;
  private readonly logger: Logger;

  constructor(options: QueryRewriterOptions) {
    this.options = {
      chatModel: options.chatModel,
      condenseFollowUps: options.condenseFollowUps ?? true,
      multiQuery: Math.max(0, Math.floor(options.multiQuery ?? 0)),
      hypotheticalDocument: options.hypotheticalDocument ?? false,
      maxTokens: options.maxTokens ?? 96,
    };
    this.logger = options.logger ?? noopLogger;
  }

  /** Rewrites one question, given the conversation before it (oldest first). */
  async rewrite(
    question: string,
    context: { history?: readonly ChatMessage[]; signal?: AbortSignal } = {},
  ): Promise<QueryRewrite> {
    const started = performance.now();
    const { history = [], signal } = context;
    const condense = this.options.condenseFollowUps && history.some((message) => message.role !== 'system');
    const condensed = condense
      ? this.firstLine(await this.generate(condenseSystemPrompt, condenseUserMessage(history, question), signal))
      : undefined;
    const query = condensed ?? question;
    const alternatives = this.options.multiQuery > 0 ? await this.alternatives(query, signal) : [];
    const passage = this.options.hypotheticalDocument
      ? await this.generate(hypotheticalDocumentSystemPrompt, query, signal)
      : '';
    const hypotheticalDocument = generatedLines(passage)
      .join(' ')
      .slice(0, 4 * longestQueryChars);
    const rewrite: QueryRewrite = {
      original: question,
      query,
      condensed: condensed !== undefined,
      alternatives,
      ...(hypotheticalDocument === '' ? {} : { hypotheticalDocument }),
      durationMs: performance.now() - started,
    };
    this.logger.debug('query rewritten', { ...rewrite });
    return rewrite;
  }

  private async alternatives(query: string, signal: AbortSignal | undefined): Promise<string[]> {
    const reply = await this.generate(multiQuerySystemPrompt(this.options.multiQuery), query, signal);
    const seen = new Set([query.toLowerCase()]);
    const alternatives: string[] = [];
    for (const line of generatedLines(reply)) {
      const key = line.toLowerCase();
      if (seen.has(key) || line.length > longestQueryChars || !/[\p{L}\p{N}]/u.test(line)) continue;
      seen.add(key);
      alternatives.push(line);
    }
    return alternatives.slice(0, this.options.multiQuery);
  }

  private firstLine(reply: string): string | undefined {
    const line = generatedLines(reply)[0];
    return line !== undefined && line.length <= longestQueryChars && /[\p{L}\p{N}]/u.test(line) ? line : undefined;
  }

  private async generate(system: string, user: string, signal: AbortSignal | undefined): Promise<string> {
    const generation = await this.options.chatModel.generate(
      [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
      { maxTokens: this.options.maxTokens, temperature: 0, ...(signal ? { signal } : {}) },
    );
    return generation.text;
  }
}
