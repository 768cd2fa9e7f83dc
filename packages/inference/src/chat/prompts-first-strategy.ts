import type { BatchItem, CustomBatchingPrioritizationStrategy, PrioritizedBatchItem } from 'node-llama-cpp';

/**
 * A node-llama-cpp batch prioritization, one per context, that evaluates prompts before decoding, at most one batch
 * at a time. While any queued item is a prompt (more than one token), a batch holds only prompts, and the
 * single-token decode items of running generations wait. A decode item never waits two batches in a row: after
 * a prompts-only batch that left decode items out, the next batch takes every decode item first, then fills the
 * room left with prompts. Without prompts, every decode item goes in, as with `maximumParallelism`.
 *
 * Why: on the CPU each decode token costs a full output-layer row (128K vocabulary for Llama 3), about as much as a
 * short prompt, so a new request's prompt evaluated beside three decode tokens gives its first token after about
 * twice the time it needs alone. Running generations lose one batch per admitted prompt instead. A prompt longer
 * than a batch is evaluated in turns with them rather than stalling them until it is done.
 *
 * Items keep their order within each kind (higher `evaluationPriority` first), each taking what room the batch
 * has left, so a prompt longer than the batch fills it and continues in the next. Items are left out of the
 * result rather than given `processAmount` 0, which node-llama-cpp would raise to 1.
 */
export function createPromptsFirstStrategy(): CustomBatchingPrioritizationStrategy {
  let decodesWaited = false;
  return ({ items, size }) => {
    const prompts = items.filter((item) => item.tokens.length > 1).sort(byPriority);
    const decodes = items.filter((item) => item.tokens.length <= 1).sort(byPriority);
    const promptsOnly = prompts.length > 0 && !decodesWaited;
    decodesWaited = promptsOnly && decodes.length > 0;
    return fill(promptsOnly ? prompts : [...decodes, ...prompts], size);
  };
}

/** Items in the given order, each taking what room the batch has left. */
function fill(candidates: readonly BatchItem[], size: number): PrioritizedBatchItem[] {
  const batch: PrioritizedBatchItem[] = [];
  let room = size;
  for (const item of candidates) {
    if (room <= 0) break;
    const processAmount = Math.min(item.tokens.length, room);
    batch.push({ item, processAmount });
    room -= processAmount;
  }
  return batch;
}

function byPriority(left: BatchItem, right: BatchItem): number {
  return right.evaluationPriority - left.evaluationPriority;
}
