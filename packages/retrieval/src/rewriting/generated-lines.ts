/**
 * The usable lines of a model's reply: trimmed, without list markers (`1.`, `-`, `*`), surrounding quotes or a
 * leading label such as `Query:`, empty lines dropped.
 */
export function generatedLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .trim()
        .replace(/^(?:\d+[.)]|[-*•])\s+/u, '')
        .replace(/^(?:standalone question|question|query|passage)\s*:\s*/iu, '')
        .replace(/^["'“‘](.*)["'”’]$/u, '$1')
        .trim(),
    )
    .filter((line) => line !== '');
}
