import type { Answer, ChatModel, Citation, GenerateOptions, Hit } from '@andes-rag/core';
import { buildAnswerPrompt } from '../prompt/build-answer-prompt.js';
import { citedSourceNumbers } from './cited-source-numbers.js';
import { ForeignLinkGate, removeForeignLinks } from './foreign-links.js';
import { hitToCitation } from './hit-to-citation.js';

/** What a generative answer needs. */
export interface GenerativeAnswerOptions {
  question: string;
  /** Retrieved chunks, best first; must not be empty. */
  hits: readonly Hit[];
  chatModel: ChatModel;
  maxAnswerTokens: number;
  systemPrompt?: string;
  /** Receives every source shown to the model as a citation, numbered as in the prompt, before generation starts. */
  onCitations?: (citations: Citation[]) => void;
  /** Passed to the model as they are. */
  generation?: Pick<GenerateOptions, 'temperature' | 'seed' | 'signal' | 'onTextChunk'>;
}

/**
 * Asks the chat model to answer from the numbered sources that fit its context, streaming the text.
 * Citations keep the numbers the prompt used. When the answer cites sources (`[2]`, `[1][3]`), exactly those
 * are returned, in number order; when it cites none, every source the model was shown is returned, since any of
 * them may have shaped the answer. A number beyond the sources shown cites nothing. Links and images whose URL is
 * in none of the sources shown are removed from the text and from the stream (`removedLinks`), whatever a
 * retrieved document told the model to write.
 */
export async function generativeAnswer(options: GenerativeAnswerOptions): Promise<Answer> {
  const { chatModel, maxAnswerTokens } = options;
  const prompt = buildAnswerPrompt({
    question: options.question,
    hits: options.hits,
    countTokens: (text) => chatModel.countTokens(text),
    contextSize: chatModel.contextSize,
    maxAnswerTokens,
    ...(options.systemPrompt === undefined ? {} : { systemPrompt: options.systemPrompt }),
  });
  const allowedTexts = prompt.sources.map((source) => source.text);
  const shown = prompt.sources.map((source, index) => hitToCitation(source, index + 1));
  options.onCitations?.(shown);
  const { onTextChunk, ...generation } = options.generation ?? {};
  const gate = onTextChunk === undefined ? undefined : new ForeignLinkGate(allowedTexts, onTextChunk);
  const generated = await chatModel.generate(prompt.messages, {
    ...generation,
    maxTokens: maxAnswerTokens,
    ...(gate === undefined ? {} : { onTextChunk: (text: string) => gate.push(text) }),
  });
  gate?.end();
  const guarded = removeForeignLinks(generated.text, allowedTexts);
  const cited = citedSourceNumbers(guarded.text, prompt.sources.length);
  return {
    answer: guarded.text.trim(),
    mode: 'generative',
    citations: cited.length > 0 ? cited.map((n) => shown[n - 1] as Citation) : shown,
    ...(guarded.removed.length === 0 ? {} : { removedLinks: guarded.removed }),
  };
}
