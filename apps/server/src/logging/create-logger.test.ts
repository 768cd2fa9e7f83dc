import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { coreLoggerFromPino } from './core-logger-from-pino.js';
import { createLogger } from './create-logger.js';

function capture(): { lines: Record<string, unknown>[]; destination: Writable } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      callback();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes JSON lines at the configured level, with credentials redacted', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ logLevel: 'info' }, { destination });
    logger.debug('hidden');
    logger.info({ req: { headers: { authorization: 'Bearer secret', cookie: 'session=1' } } }, 'shown');
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'shown',
        level: 30,
        req: { headers: { authorization: '[Redacted]', cookie: '[Redacted]' } },
      }),
    ]);
  });
});

describe('coreLoggerFromPino', () => {
  it('passes message and fields through in pino’s order', () => {
    const { lines, destination } = capture();
    const logger = coreLoggerFromPino(createLogger({ logLevel: 'debug' }, { destination }));
    logger.warn('model loaded slowly', { seconds: 3 });
    logger.error('no fields');
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'model loaded slowly', seconds: 3, level: 40 }),
      expect.objectContaining({ msg: 'no fields', level: 50 }),
    ]);
  });
});
