import type { BatchItem, CustomBatchingPrioritizationStrategy, PrioritizedBatchItem } from 'node-llama-cpp';

/**
 * node-llama-cpp batch prioritization that evaluates prompts before decoding: while any queued item is a prompt
 * (more than one token), a batch holds only prompts, and the single-token decode items of running generations wait
 * for the next batch. Without prompts, every decode item goes into the batch, as with `maximumParallelism`.
 *
 * Why: on the CPU each decode token costs a full output-layer row (128K vocabulary for Llama 3), about as much as a
 * short prompt, so a new request's prompt evaluated beside three decode tokens gives its first token after about
 * twice the time it needs alone; running generations lose one batch per admitted prompt instead. Items keep their
 * order (higher `evaluationPriority` first), each taking what room the batch has left, so a prompt longer than the
 * batch fills it and continues in the next. Items are left out of the result rather than given `processAmount` 0,
 * which node-llama-cpp would raise to 1.
 */
export const promptsFirstStrategy: CustomBatchingPrioritizationStrategy = ({ items, size }) => {
  const prompts = items.filter((item) => item.tokens.length > 1);
  const candidates = [...(prompts.length > 0 ? prompts : items)].sort(byPriority);
  const batch: PrioritizedBatchItem[] = [];
  let room = size;
  for (const item of candidates) {
    if (room <= 0) break;
    const processAmount = Math.min(item.tokens.length, room);
    batch.push({ item, processAmount });
    room -= processAmount;
  }
  return batch;
};

function byPriority(left: BatchItem, right: BatchItem): number {
  return right.evaluationPriority - left.evaluationPriority;
}
