const candidates = [',', ';', '\t'] as const;

/**
 * The delimiter of a CSV file: whichever of `,`, `;` and tab occurs most often outside quotes in its first line
 * (European spreadsheets write `;`). Defaults to `,`.
 */
export function guessCsvDelimiter(text: string): string {
  const counts = new Map<string, number>(candidates.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const character of text.slice(0, 64 * 1024)) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && counts.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let best = ',';
  for (const [candidate, count] of counts) if (count > (counts.get(best) ?? 0)) best = candidate;
  return best;
}
