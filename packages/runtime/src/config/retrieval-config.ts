import { z } from 'zod';
import {
  defaultDocumentBoost,
  defaultMinTermCoverage,
  defaultRerankCandidates,
  defaultRrfK,
} from '@andes-rag/retrieval';

const trueWords = new Set(['1', 'true', 'yes', 'on']);
const falseWords = new Set(['0', 'false', 'no', 'off']);

/** A boolean that also accepts the environment's spellings: `1`/`true`/`yes`/`on` and `0`/`false`/`no`/`off`. */
const flag = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  return trueWords.has(word) ? true : falseWords.has(word) ? false : value;
}, z.boolean());

/** A fraction from 0 to 1. */
const fraction = z.coerce.number().min(0).max(1);

/**
 * The retrieval settings of the configuration, spread into `andesConfigSchema`: reranking, the relevance
 * threshold, fusion and query rewriting.
 */
export const retrievalConfigShape = {
  /** A GGUF cross-encoder that reranks the best fused candidates (env `ANDES_RERANK_MODEL`). Default: none. */
  rerankModelPath: z.string().min(1).optional(),
  /** How many fused candidates the reranker reads (env `ANDES_RERANK_CANDIDATES`). Default 20. */
  rerankCandidates: z.coerce.number().int().positive().max(200).default(defaultRerankCandidates),
  /**
   * Least fraction of a question's topic words one retrieved passage must contain, or `ask` answers that the
   * documents do not cover the question (env `ANDES_MIN_TERM_COVERAGE`). 0 turns the check off. Default 0.34, measured.
   */
  minTermCoverage: fraction.default(defaultMinTermCoverage),
  /**
   * Least reranker score one passage must reach; with a reranker configured it replaces the term-coverage check
   * (env `ANDES_MIN_RERANK_SCORE`). Default: unset (the term-coverage check stays in charge).
   */
  minRerankScore: fraction.optional(),
  /** Reciprocal rank fusion constant (env `ANDES_RRF_K`). Default 60. */
  rrfK: z.coerce.number().positive().default(defaultRrfK),
  /**
   * Document-aware ranking: a passage gains this weight × the best score of another passage of the same document
   * among the candidates (env `ANDES_DOCUMENT_BOOST`). 0 turns it off. Default 0.3, measured on `test/eval`'s sets.
   */
  documentBoost: z.coerce.number().min(0).max(2).default(defaultDocumentBoost),
  /**
   * With a chat model: rewrite a follow-up question into a standalone one from the conversation history before
   * searching (env `ANDES_CONDENSE_FOLLOW_UPS`). Default true.
   */
  condenseFollowUps: flag.default(true),
  /** With a chat model: alternative phrasings searched too, fused by RRF (env `ANDES_MULTI_QUERY`). Default 0 (off). */
  multiQuery: z.coerce.number().int().min(0).max(5).default(0),
  /** With a chat model: also search with a hypothetical answer passage (HyDE) (env `ANDES_HYDE`). Default false. */
  hyde: flag.default(false),
};

/** Environment variables of {@link retrievalConfigShape}. */
export const retrievalEnvironmentKeys = {
  ANDES_RERANK_MODEL: 'rerankModelPath',
  ANDES_RERANK_CANDIDATES: 'rerankCandidates',
  ANDES_MIN_TERM_COVERAGE: 'minTermCoverage',
  ANDES_MIN_RERANK_SCORE: 'minRerankScore',
  ANDES_RRF_K: 'rrfK',
  ANDES_DOCUMENT_BOOST: 'documentBoost',
  ANDES_CONDENSE_FOLLOW_UPS: 'condenseFollowUps',
  ANDES_MULTI_QUERY: 'multiQuery',
  ANDES_HYDE: 'hyde',
} as const;
