import type { DocumentWarning } from '@andes-rag/core';

/** The `hidden_text` warning for passages removed because a reader would not see them, quoting the first. */
export function hiddenTextWarning(passages: readonly string[]): DocumentWarning {
  const characters = passages.reduce((sum, passage) => sum + passage.length, 0);
  const first = passages[0] ?? '';
  const quote = first.length > 60 ? `${first.slice(0, 60)}…` : first;
  const count = passages.length === 1 ? '1 hidden passage' : `${passages.length} hidden passages`;
  return {
    code: 'hidden_text',
    message: `Removed ${count} (${characters} characters) that a reader would not see, starting "${quote}".`,
  };
}
