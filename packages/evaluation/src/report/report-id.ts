/**
 * The shape of every report id: a UTC timestamp (`20250102T030405Z`), a dash, a lower-case name of letters, digits
 * and dashes, and an optional `-N` suffix when the same second and name were already taken. Safe as a file name and
 * in a URL; no dots, slashes or other path syntax.
 */
export const reportIdPattern = /^[0-9]{8}T[0-9]{6}Z-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when `id` is a well-formed report id (see {@link reportIdPattern}), at most 120 characters. */
export function isReportId(id: string): boolean {
  return id.length <= 120 && reportIdPattern.test(id);
}

/** The id of a report created at `createdAt` for the dataset or run `name`: `<timestamp>-<slug of name>`. */
export function reportId(createdAt: Date, name: string): string {
  const timestamp = createdAt
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(/[-:]/g, '');
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replaceAll(/[^a-z0-9]+/g, '-')
    .replaceAll(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${timestamp}-${slug === '' ? 'evaluation' : slug}`;
}
