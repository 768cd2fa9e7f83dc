import { describe, expect, it } from 'vitest';
import { AndesError } from '@andes-rag/core';
import { loadConfig } from './andes-config.js';

describe('store setting', () => {
  it('is the embedded store by default and a PostgreSQL URL from ANDES_STORE', () => {
    expect(loadConfig({}, {}).store).toBe('embedded');
    const url = 'postgres://andes:secret@db.internal:5432/andes';
    expect(loadConfig({}, { ANDES_STORE: url }).store).toBe(url);
    expect(loadConfig({ store: 'embedded' }, { ANDES_STORE: url }).store).toBe('embedded');
  });

  it('refuses anything else with invalid_request naming the setting', () => {
    for (const value of ['mysql://db/andes', 'sqlite', 'postgres://']) {
      let error: unknown;
      try {
        loadConfig({}, { ANDES_STORE: value });
      } catch (thrown) {
        error = thrown;
      }
      expect(AndesError.isInstance(error) && error.code).toBe('invalid_request');
      expect(String((error as Error).message)).toMatch(/store: use "embedded" or a postgres:\/\/ URL/);
    }
  });
});
