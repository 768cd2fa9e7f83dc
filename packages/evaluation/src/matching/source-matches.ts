/**
 * True when a retrieved document's `source` is the relevant source `relevant`: the same path, or a path that ends
 * with it at a folder boundary. Backslashes count as slashes and a leading `./` is ignored; case matters.
 * So `handbook/x.md` matches `apps/cli/samples/handbook/x.md` and `x.md`, but not `myhandbook/x.md`.
 */
export function sourceMatches(source: string, relevant: string): boolean {
  const candidate = normalizeSource(source);
  const wanted = normalizeSource(relevant);
  if (wanted === '') return false;
  return candidate === wanted || candidate.endsWith(`/${wanted}`);
}

function normalizeSource(source: string): string {
  return source
    .trim()
    .replaceAll('\\', '/')
    .replace(/^(\.\/)+/, '');
}
