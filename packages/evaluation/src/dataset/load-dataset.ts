import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AndesError } from '@andes-rag/core';
import type { EvaluationDataset } from './evaluation-question.js';
import { parseEvaluationDataset } from './parse-dataset.js';

/**
 * Reads and validates a JSONL dataset file (see {@link parseEvaluationDataset}). Its name is the file name without
 * its extension.
 *
 * @throws AndesError `invalid_request` when the file cannot be read or a line is invalid.
 */
export async function loadEvaluationDataset(file: string): Promise<EvaluationDataset> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new AndesError('invalid_request', `Cannot read evaluation dataset ${file}: ${reason}`, { cause: error });
  }
  const name = path.basename(file).replace(/\.[^.]*$/, '') || 'dataset';
  return parseEvaluationDataset(text, { name, label: file });
}
