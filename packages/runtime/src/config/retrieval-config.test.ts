import { describe, expect, it } from 'vitest';
import { loadConfig } from './andes-config.js';

describe('retrieval settings in the configuration', () => {
  it('defaults to no reranker, the measured term-coverage threshold, RRF k = 60, condensation on, multi-query and HyDE off', () => {
    expect(loadConfig({}, {})).toMatchObject({
      rerankCandidates: 20,
      minTermCoverage: 0.34,
      rrfK: 60,
      condenseFollowUps: true,
      multiQuery: 0,
      hyde: false,
    });
    const config = loadConfig({}, {});
    expect(config.rerankModelPath).toBeUndefined();
    expect(config.minRerankScore).toBeUndefined();
  });

  it('reads the environment, with flags spelled as words or digits', () => {
    const config = loadConfig(
      {},
      {
        ANDES_RERANK_MODEL: '/models/bge-reranker.gguf',
        ANDES_RERANK_CANDIDATES: '30',
        ANDES_MIN_TERM_COVERAGE: '0.5',
        ANDES_MIN_RERANK_SCORE: '0.1',
        ANDES_RRF_K: '30',
        ANDES_CONDENSE_FOLLOW_UPS: 'off',
        ANDES_MULTI_QUERY: '3',
        ANDES_HYDE: '1',
      },
    );
    expect(config).toMatchObject({
      rerankModelPath: '/models/bge-reranker.gguf',
      rerankCandidates: 30,
      minTermCoverage: 0.5,
      minRerankScore: 0.1,
      rrfK: 30,
      condenseFollowUps: false,
      multiQuery: 3,
      hyde: true,
    });
  });

  it('reads the document-aware ranking weight (default 0.3; 0 turns it off) and rejects a negative one', () => {
    expect(loadConfig({}, {}).documentBoost).toBe(0.3);
    expect(loadConfig({}, { ANDES_DOCUMENT_BOOST: '0' }).documentBoost).toBe(0);
    expect(loadConfig({}, { ANDES_DOCUMENT_BOOST: '0.5' }).documentBoost).toBe(0.5);
    expect(() => loadConfig({}, { ANDES_DOCUMENT_BOOST: '-1' })).toThrow(
      expect.objectContaining({ code: 'invalid_request', message: expect.stringMatching(/documentBoost/) }),
    );
  });

  it('rejects values out of range, naming each', () => {
    expect(() =>
      loadConfig({}, { ANDES_MIN_TERM_COVERAGE: '1.5', ANDES_HYDE: 'maybe', ANDES_MULTI_QUERY: '9' }),
    ).toThrow(
      expect.objectContaining({
        code: 'invalid_request',
        message: expect.stringMatching(/minTermCoverage.*hyde.*multiQuery|minTermCoverage/),
      }),
    );
  });
});
