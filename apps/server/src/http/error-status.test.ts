import { describe, expect, it } from 'vitest';
import { AndesError } from '@andes-rag/core';
import { errorStatus, retryAfterSeconds } from './error-status.js';
import { toHttpErrorResponse } from './error-response.js';

describe('errorStatus', () => {
  it.each([
    ['invalid_request', 400],
    ['unauthorized', 401],
    ['forbidden', 403],
    ['misdirected_request', 421],
    ['collection_not_found', 404],
    ['not_found', 404],
    ['unsupported_file_type', 415],
    ['payload_too_large', 413],
    ['context_overflow', 400],
    ['not_ready', 503],
    ['queue_full', 429],
    ['aborted', 499],
    ['timeout', 504],
    ['parse_failed', 422],
    ['model_not_found', 500],
    ['invalid_model_file', 500],
    ['storage_error', 500],
    ['model_error', 500],
    ['internal_error', 500],
    ['no_such_code', 500],
  ])('maps %s to %i', (code, status) => {
    expect(errorStatus(code)).toBe(status);
  });

  it('makes a model named by the request the caller’s mistake', () => {
    expect(errorStatus('model_not_found', { modelNamedByRequest: true })).toBe(400);
    expect(errorStatus('invalid_model_file', { modelNamedByRequest: true })).toBe(400);
    expect(errorStatus('storage_error', { modelNamedByRequest: true })).toBe(500);
  });
});

describe('retryAfterSeconds', () => {
  it('gives queue_full and not_ready a Retry-After, honouring a suggested value', () => {
    expect(retryAfterSeconds(new AndesError('queue_full', 'busy'))).toBe(1);
    expect(retryAfterSeconds(new AndesError('queue_full', 'busy', { details: { retryAfterSeconds: 2.5 } }))).toBe(3);
    expect(retryAfterSeconds(new AndesError('not_ready', 'loading'))).toBe(5);
    expect(retryAfterSeconds(new AndesError('invalid_request', 'bad'))).toBeUndefined();
  });
});

describe('toHttpErrorResponse', () => {
  it('keeps a caller mistake’s message and details', () => {
    const response = toHttpErrorResponse(new AndesError('payload_too_large', 'Too big.', { details: { limit: 10 } }));
    expect(response).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large', message: 'Too big.', details: { limit: 10 } } },
    });
  });

  it('hides the message of an unexpected error and keeps it for the log', () => {
    const thrown = new TypeError('cannot read x of undefined at /srv/secret.js');
    const response = toHttpErrorResponse(thrown);
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      error: { code: 'internal_error', message: 'The server failed to handle the request.' },
    });
    expect(response.error.cause).toBe(thrown);
  });

  it('adds Retry-After to queue_full', () => {
    expect(toHttpErrorResponse(new AndesError('queue_full', 'busy')).headers).toEqual({ 'Retry-After': '1' });
  });
});
