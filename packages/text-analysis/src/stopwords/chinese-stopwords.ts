/**
 * Chinese function words and question words, as bigrams: dropped from BM25 queries and from content terms, kept
 * in indexed text. Includes the character pairs that question patterns leave behind (`是什么` gives `是什` and `什么`;
 * `为什么` gives `为什`; `怎么样` gives `么样`), which say nothing about the topic.
 */
export const chineseStopBigrams: ReadonlySet<string> = new Set(
  `什么 是什 么是 为什 怎么 么样 怎样 如何 为何 哪些 哪个 哪里 多少 是否 可以 能否 这些 那些 这个 那个 这种 那种
  我们 你们 他们 她们 它们 以及 因为 所以 但是 如果 或者 还是 就是 已经 一个 一些 的是 是的 了吗 的吗 中的 有哪 些是`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/**
 * Chinese characters that on their own are function words (particles, pronouns, copula, conjunctions): dropped
 * when they would be a term by themselves (a query's single characters), kept inside bigrams (`目的`, `总是`).
 */
export const chineseStopCharacters: ReadonlySet<string> = new Set([
  ...'的了吗呢吧啊呀么什是和与或及之也都就在把被我你他她它们这那哪有个其而',
]);
