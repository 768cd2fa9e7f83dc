import type { ChatMessage, ChatModel, Citation } from '@andes-rag/core';
import { answerRelevancePrompt, faithfulnessPrompt, parseGrade } from './judge-prompts.js';

/** One model-judged grade: the score (null when the output held no grade) and what the model wrote. */
export interface JudgedGrade {
  score: number | null;
  output: string;
}

/** Options for {@link judgeAnswer}. */
export interface JudgeAnswerOptions {
  /** The local chat model that judges. */
  model: ChatModel;
  question: string;
  answer: string;
  citations: readonly Citation[];
  /** Cancels the judge's generations. */
  signal?: AbortSignal;
}

const gradeTokens = 4;
const templateAllowance = 64;

/**
 * Asks the model for two grades, greedily (temperature 0, seed 0): faithfulness (are the answer's claims supported
 * by its cited sources?) and answer relevance (does it address the question?). Source texts are shortened until
 * the prompt fits the model's context.
 */
export async function judgeAnswer(
  options: JudgeAnswerOptions,
): Promise<{ faithfulness: JudgedGrade; answerRelevance: JudgedGrade }> {
  const { model, question, answer } = options;
  const budget = model.contextSize - gradeTokens - templateAllowance;
  let sources = options.citations.map(({ n, text }) => ({ n, text }));
  let faithfulnessMessages = faithfulnessPrompt(answer, sources);
  while (countMessages(model, faithfulnessMessages) > budget && sources.some((source) => source.text.length > 0)) {
    sources = sources.map(({ n, text }) => ({ n, text: text.slice(0, Math.floor(text.length * 0.75)) }));
    faithfulnessMessages = faithfulnessPrompt(answer, sources);
  }
  const faithfulness = await grade(model, faithfulnessMessages, options.signal);
  const answerRelevance = await grade(model, answerRelevancePrompt(question, answer), options.signal);
  return { faithfulness, answerRelevance };
}

async function grade(model: ChatModel, messages: ChatMessage[], signal: AbortSignal | undefined): Promise<JudgedGrade> {
  const generation = await model.generate(messages, {
    maxTokens: gradeTokens,
    temperature: 0,
    seed: 0,
    ...(signal ? { signal } : {}),
  });
  return { score: parseGrade(generation.text), output: generation.text };
}

function countMessages(model: ChatModel, messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, message) => sum + model.countTokens(message.content), 0);
}
