/**
 * The default instructions for answering from sources. Short on purpose: it shares the context window with the
 * sources, and small models have 2k-token windows.
 */
export const defaultAnswerSystemPrompt =
  'Answer the question using only the numbered sources. Cite each source you use by its number in square brackets, ' +
  'like [1] or [2][3]. If the sources do not contain the answer, say that the documents do not cover the question.';
