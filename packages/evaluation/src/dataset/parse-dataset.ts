import { AndesError } from '@andes-rag/core';
import {
  evaluationQuestionLineSchema,
  type EvaluationDataset,
  type EvaluationQuestion,
} from './evaluation-question.js';

/** Options for {@link parseEvaluationDataset}. */
export interface ParseDatasetOptions {
  /** The dataset's name in reports. */
  name: string;
  /** What error messages call the input (a file path). Default: `name`. */
  label?: string;
}

/**
 * Reads JSONL: one JSON object per line (`question`, `relevant`, optional `answer` and `id`); blank lines are
 * skipped. Every problem is reported with its line number, all at once.
 *
 * @throws AndesError `invalid_request` listing each bad line (`details.problems`), or when there is no question.
 */
export function parseEvaluationDataset(text: string, options: ParseDatasetOptions): EvaluationDataset {
  const label = options.label ?? options.name;
  const problems: string[] = [];
  const questions: EvaluationQuestion[] = [];
  const seenIds = new Set<string>();
  text.split(/\r?\n/).forEach((content, index) => {
    const line = index + 1;
    if (content.trim() === '') return;
    const question = parseLine(content, line, problems);
    if (!question) return;
    if (seenIds.has(question.id)) problems.push(`line ${line}: id "${question.id}" is used twice`);
    seenIds.add(question.id);
    questions.push(question);
  });
  if (problems.length === 0 && questions.length === 0) problems.push('no questions');
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('; ');
    const more = problems.length > 10 ? ` (and ${problems.length - 10} more)` : '';
    throw new AndesError('invalid_request', `Invalid evaluation dataset ${label}: ${shown}${more}`, {
      details: { problems },
    });
  }
  return { name: options.name, questions };
}

function parseLine(content: string, line: number, problems: string[]): EvaluationQuestion | undefined {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    problems.push(`line ${line}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
  const parsed = evaluationQuestionLineSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`line ${line}: ${issue.path.join('.') || 'value'}: ${issue.message}`);
    }
    return undefined;
  }
  const { id, question, relevant, answer } = parsed.data;
  return {
    id: id ?? `q${line}`,
    question,
    relevant: [...new Set(relevant)],
    line,
    ...(answer === undefined ? {} : { answer }),
  };
}
