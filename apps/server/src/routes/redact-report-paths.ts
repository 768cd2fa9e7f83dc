import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Takes server paths out of an evaluation report before it is served. Reports written by older versions of
 * `andes eval` name the data directory and the dataset file by absolute path (in `context`, shown on the page too):
 * the data directory becomes `.` (paths under it stay, relative to it) and any other absolute path in `context`
 * becomes its file name. Returns a function that applies the same replacements to any text of that report (its JSON
 * strings, its HTML page, where the paths may also appear HTML-escaped).
 */
export function reportPathRedactor(dataDir: string, report: unknown): (text: string) => string {
  const replacements = new Map<string, string>();
  const dataDirectory = path.resolve(dataDir);
  replacements.set(dataDirectory, '.');
  const realDataDirectory = realPath(dataDirectory);
  if (realDataDirectory !== undefined) replacements.set(realDataDirectory, '.');
  const context = (report as { context?: unknown } | undefined)?.context;
  if (context !== null && typeof context === 'object') {
    for (const value of Object.values(context)) {
      if (typeof value !== 'string' || !path.isAbsolute(value) || value.startsWith(dataDirectory)) continue;
      replacements.set(value, path.basename(value));
    }
  }
  // Longest first, so a path is replaced before a shorter one inside it; raw and HTML-escaped.
  const ordered = [...replacements].sort(([left], [right]) => right.length - left.length);
  const pairs = ordered.flatMap(([from, to]) => [
    [from, to],
    [escapeHtml(from), escapeHtml(to)],
  ]);
  return (text) => pairs.reduce((result, [from, to]) => result.split(from as string).join(to as string), text);
}

/** The report's JSON with {@link reportPathRedactor}'s replacements applied to every string in it. */
export function redactReportJson(dataDir: string, report: unknown): unknown {
  const redact = reportPathRedactor(dataDir, report);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return redact(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, walk(entry)]));
    }
    return value;
  };
  return walk(report);
}

function realPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
