/**
 * Why a ZIP entry name is unsafe to trust (a "zip slip" name that would escape the folder it is unpacked into:
 * an absolute path, a drive letter, a `..` segment, a NUL byte), or undefined when it is a plain relative path.
 * Andes never unpacks archives to disk, but a document carrying such a name was crafted, not saved by an editor.
 */
export function unsafeEntryNameReason(name: string): string | undefined {
  const normalized = name.replaceAll('\\', '/');
  if (name.includes('\0')) return 'contains a NUL byte';
  if (normalized.startsWith('/')) return 'is an absolute path';
  if (/^[a-zA-Z]:/.test(normalized)) return 'starts with a drive letter';
  if (normalized.split('/').includes('..')) return 'climbs out of the archive with ".."';
  return undefined;
}
