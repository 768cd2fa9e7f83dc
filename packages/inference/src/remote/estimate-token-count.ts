/**
 * Estimates how many tokens `text` takes without the remote model's tokenizer (which only the inference server
 * has): one token per three characters of ASCII text and one per other character (CJK, accented letters, emoji),
 * rounded up. Llama 3's tokenizer averages about four ASCII characters per token on English, so the estimate errs
 * high: budgets built on it (history trimming, context checks) leave room rather than overflow the context.
 */
export function estimateTokenCount(text: string): number {
  let ascii = 0;
  let other = 0;
  for (const character of text) {
    if (character.codePointAt(0)! < 128) ascii += 1;
    else other += 1;
  }
  return Math.ceil(ascii / 3) + other;
}
