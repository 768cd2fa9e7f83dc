import { z } from 'zod';

/**
 * One line of an evaluation dataset, as written in the JSONL file. Unknown fields are ignored, so a dataset may
 * carry notes of its own.
 */
export const evaluationQuestionLineSchema = z.object({
  /** A stable name for the question in reports. Default `q<line number>`. */
  id: z.string().trim().min(1).max(200).optional(),
  /** The question, as a user would type it. */
  question: z.string().trim().min(1).max(4000),
  /**
   * The sources that answer it: exact document sources, or path suffixes of them (`handbook/x.md` matches
   * `apps/cli/samples/handbook/x.md`). At least one.
   */
  relevant: z.array(z.string().trim().min(1)).min(1),
  /** A reference answer, kept in reports for people; no metric reads it. */
  answer: z.string().optional(),
});

/** A validated question of an {@link EvaluationDataset}. */
export interface EvaluationQuestion {
  /** From the file, else `q<line>`. Unique within the dataset. */
  id: string;
  question: string;
  /** Relevant sources, deduplicated, in file order. */
  relevant: string[];
  /** The reference answer, when the file gives one. */
  answer?: string;
  /** 1-based line of the question in its file. */
  line: number;
}

/** A set of questions with their relevant sources. */
export interface EvaluationDataset {
  /** A name for reports: the file name without its extension, unless the caller chose one. */
  name: string;
  questions: EvaluationQuestion[];
}
