import type Database from 'better-sqlite3';

/** What {@link readReadableRows} read from one table of a damaged database. */
export interface ReadableRows {
  rows: Array<Record<string, unknown>>;
  /** Rowids that could not be read (between readable ones), or -1 when the table could not be read at all. */
  unreadable: number;
}

/** Most single-row probes tried for the unreadable middle of a table, so salvage stays bounded on huge gaps. */
const maxProbes = 2_000_000;

/**
 * Every row of `table` that SQLite can still read, by rowid: a forward scan until the first damaged page, a
 * backward scan until the last one, then one lookup per rowid in between (up to `knownHighestRowid`, e.g. from
 * `sqlite_sequence`, when the table's end cannot be read). A damaged page costs the rows on it, not the rest of the
 * table. Never throws on damage.
 */
export function readReadableRows(database: Database.Database, table: string, knownHighestRowid = 0): ReadableRows {
  const quoted = `"${table.replaceAll('"', '""')}"`;
  const byRowid = new Map<number, Record<string, unknown>>();
  const scan = (order: 'ASC' | 'DESC'): boolean => {
    try {
      for (const row of database
        .prepare(`SELECT rowid AS __rowid, * FROM ${quoted} ORDER BY rowid ${order}`)
        .iterate()) {
        const record = row as Record<string, unknown>;
        byRowid.set(Number(record['__rowid']), record);
      }
      return true;
    } catch {
      return false;
    }
  };
  if (scan('ASC')) return { rows: sorted(byRowid), unreadable: 0 };
  const readForward = [...byRowid.keys()];
  scan('DESC');
  const low = readForward.length > 0 ? Math.max(...readForward) : 0;
  const upper = Math.max(highestRowid(database, quoted) ?? 0, knownHighestRowid) + 1;
  const high = Math.min(...[...byRowid.keys()].filter((rowid) => rowid > low), upper);
  let unreadable = 0;
  const probe = database.prepare(`SELECT rowid AS __rowid, * FROM ${quoted} WHERE rowid = ?`);
  for (let rowid = low + 1; rowid < high && rowid - low <= maxProbes; rowid += 1) {
    if (byRowid.has(rowid)) continue;
    try {
      const row = probe.get(rowid) as Record<string, unknown> | undefined;
      if (row) byRowid.set(rowid, row);
    } catch {
      unreadable += 1;
    }
  }
  return { rows: sorted(byRowid), unreadable: Math.max(unreadable, 1) };
}

function highestRowid(database: Database.Database, quoted: string): number | undefined {
  try {
    return (database.prepare(`SELECT max(rowid) FROM ${quoted}`).pluck().get() as number | null) ?? undefined;
  } catch {
    return undefined;
  }
}

function sorted(byRowid: Map<number, Record<string, unknown>>): Array<Record<string, unknown>> {
  return [...byRowid.entries()].sort(([left], [right]) => left - right).map(([, row]) => row);
}
