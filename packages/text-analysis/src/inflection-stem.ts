/**
 * Removes English inflections, roughly step 1 of Porter's stemmer (plurals, `-ed`, `-ing`, final `-y`) plus its
 * final-`e` rule: `drops`, `dropped` and `dropping` become `drop`; `policies` and `policy` both `polici`;
 * `reimburse` and `reimbursed` both `reimburs`. Derivations (`-ment`, `-ation`) are kept: they often change the
 * meaning, and this only decides whether a question's word appears in a passage. Expects a lower-case word.
 */
export function inflectionStem(word: string): string {
  if (word.length <= 2) return word;
  let stem = stripPlural(word);
  stem = stripVerbEnding(stem);
  if (stem.endsWith('y') && hasVowel(stem.slice(0, -1))) stem = `${stem.slice(0, -1)}i`;
  return stem.length > 4 && stem.endsWith('e') ? stem.slice(0, -1) : stem;
}

function stripPlural(word: string): string {
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ies')) return word.slice(0, -2);
  if (/(?:x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

function stripVerbEnding(word: string): string {
  if (word.endsWith('eed')) return word.length > 4 ? word.slice(0, -1) : word;
  const ending = word.endsWith('ed') ? 2 : word.endsWith('ing') ? 3 : 0;
  if (ending === 0) return word;
  const stem = word.slice(0, -ending);
  if (!hasVowel(stem) || stem.length < 2) return word;
  if (/(?:at|bl|iz)$/.test(stem)) return `${stem}e`;
  if (/([^aeiouylsz])\1$/.test(stem)) return stem.slice(0, -1);
  if (/^[^aeiouy]*[aeiouy][^aeiouywx]$/.test(stem)) return `${stem}e`;
  return stem;
}

function hasVowel(text: string): boolean {
  return /[aeiouy]/.test(text);
}
