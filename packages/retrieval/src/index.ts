export { parseDocument, type ParseDocumentInput } from './parsing/parse-document.js';
export { ParserRegistry, type ParserRegistryOptions } from './parsing/parser-registry.js';
export { createDefaultParserRegistry, type DefaultParserRegistryOptions } from './parsing/default-parser-registry.js';
export type { DocumentParser, ParserInput, ParsedText } from './parsing/document-parser.js';
export {
  defaultParseLimits,
  resolveParseLimits,
  type ParseLimits,
  type ResolvedParseLimits,
} from './parsing/parse-limits.js';
export { markdownParser } from './parsing/markdown-parser.js';
export { plainTextParser } from './parsing/plain-text-parser.js';
export { rstParser, rstMediaType } from './parsing/text/rst-parser.js';
export { htmlParser } from './parsing/html/html-parser.js';
export { csvParser } from './parsing/csv/csv-parser.js';
export { pdfParser } from './parsing/pdf/pdf-parser.js';
export { docxParser } from './parsing/docx/docx-parser.js';
export { docxMediaType, pdfMediaType } from './parsing/media-types.js';
export {
  ParserProcessPool,
  type ParserProcessPoolOptions,
  type PooledParse,
} from './parsing/isolation/parser-process-pool.js';
export { isolatedParser } from './parsing/isolation/isolated-parser.js';
export {
  recognizeFile,
  selectParser,
  normalizeMediaType,
  type MediaTypeInput,
  type RecognizedFile,
} from './parsing/detect-media-type.js';
export { contentHash } from './parsing/content-hash.js';

export { chunkDocument } from './chunking/chunk-document.js';
export { defaultOverlapWords, defaultTargetWords, type ChunkOptions } from './chunking/chunk-options.js';
export { chunkIndexText, type IndexableChunk } from './chunking/chunk-index-text.js';

export {
  defaultRrfK,
  reciprocalRankFusion,
  type RankedList,
  type ReciprocalRankFusionOptions,
} from './fusion/reciprocal-rank-fusion.js';

export {
  HybridRetriever,
  type HybridRetrieverOptions,
  type RetrieverSearchOptions,
} from './search/hybrid-retriever.js';
export {
  searchCollections,
  type CollectionsSearch,
  type CollectionsSearchOptions,
} from './search/search-collections.js';
export { defaultDocumentBoost, documentAwareRanking } from './search/document-aware-ranking.js';
export {
  defaultMinTermCoverage,
  judgeRelevance,
  type HitRelevance,
  type RelevanceSignal,
  type RelevanceThresholdOptions,
  type ThresholdDecision,
} from './search/relevance/relevance-threshold.js';
export { termCoverage, topicTerms } from './search/relevance/term-coverage.js';
export { inflectionStem } from '@andes-rag/text-analysis';
export { defaultRerankCandidates, rerankChunks } from './reranking/rerank-chunks.js';
export { QueryRewriter, type QueryRewrite, type QueryRewriterOptions } from './rewriting/query-rewriter.js';
export type {
  ExplainedSearch,
  HitExplanation,
  RankedCandidate,
  RetrievalStage,
  RetrievalStageName,
  RetrievalTrace,
} from './search/retrieval-trace.js';

export { buildAnswerPrompt, type AnswerPrompt, type BuildAnswerPromptOptions } from './prompt/build-answer-prompt.js';
export { defaultAnswerSystemPrompt } from './prompt/default-system-prompt.js';

export { answerQuestion, type AnswerQuestionOptions } from './answering/answer-question.js';
export { extractiveAnswerLabel } from './answering/extractive-answer.js';
export { notCoveredAnswer } from './answering/no-answer.js';
export { citedSourceNumbers } from './answering/cited-source-numbers.js';

export { ingestDocument, type IngestDocumentOptions } from './ingestion/ingest-document.js';
export { planIngestion, type IngestionPlan } from './ingestion/plan-ingestion.js';
export { embedWrite } from './ingestion/embed-write.js';
export { prepareDocument, type PrepareDocumentInput, type PreparedDocument } from './ingestion/prepare-document.js';
