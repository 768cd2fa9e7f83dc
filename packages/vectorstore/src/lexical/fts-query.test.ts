import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createFtsTable, ftsBody, ftsTableName } from './fts-table.js';
import { buildFtsQuery, quoteFtsString } from './fts-query.js';

describe('buildFtsQuery', () => {
  it('drops stopwords and punctuation, quotes and OR-joins the rest', () => {
    expect(buildFtsQuery('How do I renew the Kerberos keytab?')).toBe('"renew" OR "Kerberos" OR "keytab"');
    expect(buildFtsQuery("What's the node.js version?")).toBe('"node.js" OR "version"');
  });

  it('keeps each word once, whatever its case', () => {
    expect(buildFtsQuery('VPN vpn Vpn setup')).toBe('"VPN" OR "setup"');
  });

  it('returns undefined when nothing is left', () => {
    for (const query of ['', '   ', 'what is the', '?!', '"', '( ) *', '\u0000'])
      expect(buildFtsQuery(query)).toBeUndefined();
  });

  it('doubles inner quotes and splits on control characters', () => {
    expect(quoteFtsString('say "hi"')).toBe('"say ""hi"""');
    expect(buildFtsQuery('a"b')).toBe('"a""b"');
    expect(buildFtsQuery('kerberos\u0000keytab')).toBe('"kerberos" OR "keytab"');
  });

  it('turns any string into a query FTS5 accepts', () => {
    const database = new Database(':memory:');
    createFtsTable(database, 1);
    const table = ftsTableName(1);
    database.prepare(`INSERT INTO ${table} (rowid, body) VALUES (1, ?)`).run('Naïve café policy for node.js users');
    const search = database.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`);
    const pieces = [
      '"',
      "'",
      '(',
      ')',
      '*',
      '+',
      '-',
      '^',
      ':',
      '.',
      'NEAR',
      'AND',
      'OR',
      'NOT',
      '{',
      '}',
      ' ',
      '\u0000',
      'é',
      '日本',
      '🦙',
      '采用SwiGLU',
      '的',
      '3.2.1',
      'SHA-256',
      "user's",
      '__init__',
      'policy',
      'node.js',
      '\u200b',
      '\\',
      '%',
      ';',
      'a',
      '1',
    ];
    let state = 7;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    for (let attempt = 0; attempt < 2000; attempt++) {
      const length = 1 + Math.floor(random() * 8);
      const query = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const match = buildFtsQuery(query);
      if (match !== undefined) expect(() => search.all(match), JSON.stringify(query)).not.toThrow();
    }
    expect(search.all(buildFtsQuery('naive CAFE?'))).toEqual([{ rowid: 1 }]);
    database.close();
  });

  it('matches hyphenated words joined or split, and a dotted number only as that number', () => {
    const database = new Database(':memory:');
    createFtsTable(database, 1);
    const table = ftsTableName(1);
    const bodies = [
      'Use SHA-256 digests.',
      'sha256 is required',
      'SHA 256 checksum',
      'Release 3.2.1 notes',
      'Host 10.3.2.1 is down',
    ];
    const insert = database.prepare(`INSERT INTO ${table} (rowid, body) VALUES (?, ?)`);
    bodies.forEach((body, index) => insert.run(index + 1, ftsBody('', [], body)));
    const search = (question: string) =>
      (
        database
          .prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`)
          .all(buildFtsQuery(question)) as Array<{ rowid: number }>
      ).map((row) => row.rowid);
    expect(search('SHA-256')).toEqual([1, 2, 3]);
    expect(search('3.2.1')).toEqual([4]);
    expect(search('v3.2.1')).toEqual([4]);
    expect(search('10.3.2.1')).toEqual([5]);
    expect(search("the release's notes")).toEqual([4]);
    database.close();
  });
});
