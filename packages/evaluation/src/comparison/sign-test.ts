/**
 * Two-sided exact sign test: the probability, if neither configuration were better (each non-tied question a
 * fair coin), of a split between wins and losses at least as uneven as the one observed. Ties are left out;
 * `p = min(1, 2 × P(X ≤ min(wins, losses)))` with `X ~ Binomial(wins + losses, 1/2)`. 1 when nothing differs.
 * Summed in log space, so it stays exact to floating point for thousands of questions.
 */
export function signTestPValue(wins: number, losses: number): number {
  if (!Number.isInteger(wins) || !Number.isInteger(losses) || wins < 0 || losses < 0) {
    throw new RangeError(`wins and losses must be whole numbers of questions, got ${wins} and ${losses}`);
  }
  const trials = wins + losses;
  const fewer = Math.min(wins, losses);
  let logTerm = -trials * Math.LN2; // log P(X = 0)
  let tail = Math.exp(logTerm);
  for (let successes = 1; successes <= fewer; successes += 1) {
    logTerm += Math.log(trials - successes + 1) - Math.log(successes);
    tail += Math.exp(logTerm);
  }
  return Math.min(1, 2 * tail);
}
