/** Directives whose body is code: it becomes a fenced block. */
const codeDirectives = new Set([
  'code',
  'code-block',
  'sourcecode',
  'doctest',
  'testcode',
  'testoutput',
  'math',
  'parsed-literal',
]);
/** Directives that hold nothing worth reading (navigation, images, build instructions): dropped with their body. */
const droppedDirectives = new Set([
  'toctree',
  'image',
  'include',
  'literalinclude',
  'raw',
  'index',
  'meta',
  'highlight',
  'contents',
  'sectnum',
  'target-notes',
  'tabularcolumns',
  'default-role',
  'role',
  'currentmodule',
  'module',
  'sectionauthor',
  'moduleauthor',
  'codeauthor',
  'footer',
  'header',
  'title',
  'class',
  'autosummary',
  'graphviz',
  'only',
]);
/** Admonitions and notes: the body is kept after a label (`Note: …`). */
const labels: Record<string, string> = {
  note: 'Note',
  warning: 'Warning',
  tip: 'Tip',
  important: 'Important',
  caution: 'Caution',
  danger: 'Danger',
  attention: 'Attention',
  hint: 'Hint',
  error: 'Error',
  seealso: 'See also',
  todo: 'To do',
  versionadded: 'Added in version',
  versionchanged: 'Changed in version',
  deprecated: 'Deprecated since version',
};

const explicitMarkup = /^(\s*)\.\.(?:\s+(.*?))?\s*$/;
const directivePattern = /^(?:\|[^|]+\|\s+)?([\w-]+(?::[\w-]+)*)::(?:\s+(.*))?$/;
const optionLine = /^\s*:[\w -]+:(?:\s.*)?$/;

/**
 * Turns reStructuredText markup into readable text — reasonably, not as docutils would: directives become their
 * argument and body (admonitions as `Note: …`, code directives and `::` literal blocks as fenced code blocks;
 * table-of-contents, image, include and similar directives are dropped), comments and link targets are removed,
 * footnotes keep their number, and inline markup keeps its text (``` ``code`` ```, `` :role:`text <target>` `` →
 * `text`, `` `link <url>`_ `` → `link`). Section titles are left for `structurePlainText`.
 */
export function cleanRstMarkup(text: string): string {
  const lines = text.split('\n');
  const output: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    const explicit = explicitMarkup.exec(line);
    if (explicit && !/^\s*\.\.\.+/.test(line)) {
      const indent = explicit[1]?.length ?? 0;
      const end = indentedBlockEnd(lines, index + 1, indent);
      output.push(
        ...explicitBlock(explicit[2] ?? '', lines.slice(index + 1, end)).map((block) => ' '.repeat(indent) + block),
      );
      index = end;
      continue;
    }
    if (/::\s*$/.test(line) && !/^\s*\.\./.test(line)) {
      const end = indentedBlockEnd(lines, index + 1, indentation(line));
      const lead = line.replace(/\s*::\s*$/, line.trim() === '::' ? '' : ':');
      if (lead.trim() !== '') output.push(inlineText(lead));
      output.push(...fence(lines.slice(index + 1, end)));
      index = end;
      continue;
    }
    output.push(inlineText(line));
    index += 1;
  }
  return withoutExtraBlankLines(output).join('\n');
}

/** Drops leading blank lines and every blank line after another, outside fenced code: removed markup leaves gaps. */
function withoutExtraBlankLines(lines: readonly string[]): string[] {
  const kept: string[] = [];
  let fenced = false;
  for (const line of lines) {
    if (line.startsWith('```')) fenced = !fenced;
    const blank = line.trim() === '';
    if (blank && !fenced && (kept.length === 0 || kept.at(-1)?.trim() === '')) continue;
    kept.push(blank && !fenced ? '' : line);
  }
  return kept;
}

/** The lines an explicit markup block (`.. something`) becomes. */
function explicitBlock(content: string, body: string[]): string[] {
  const directive = directivePattern.exec(content);
  if (directive) {
    const name = (directive[1] ?? '').split(':').at(-1) ?? '';
    const argument = inlineText(directive[2] ?? '').trim();
    const rest = dedent(withoutOptions(body));
    if (droppedDirectives.has(name) || content.startsWith('|')) return [];
    if (codeDirectives.has(name)) return ['', ...fence(rest)];
    const label = labels[name];
    const versioned = name.startsWith('version') || name === 'deprecated';
    const lead =
      label === undefined
        ? argument
        : versioned
          ? `${label} ${argument}:`
          : argument === ''
            ? `${label}:`
            : `${label}: ${argument}`;
    const cleaned = trimBlankLines(cleanRstMarkup(rest.join('\n')).split('\n'));
    if (label !== undefined && argument === '' && cleaned[0]?.trim())
      return [`${lead} ${cleaned[0].trim()}`, ...cleaned.slice(1)];
    return lead === '' ? cleaned : [lead, ...(cleaned.every((line) => line.trim() === '') ? [] : ['', ...cleaned])];
  }
  const footnote = /^\[([^\]]+)\]\s*(.*)$/.exec(content);
  if (footnote)
    return [
      `[${footnote[1]}] ${inlineText(footnote[2] ?? '')}`.trimEnd(),
      ...cleanRstMarkup(dedent(body).join('\n')).split('\n'),
    ];
  return []; // a comment, a hyperlink target (`.. _name:`) or a substitution definition
}

/** Index one past the block indented deeper than `indent` that starts at `start` (blank lines inside it included). */
function indentedBlockEnd(lines: readonly string[], start: number, indent: number): number {
  let end = start;
  for (let index = start; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.trim() === '') continue;
    if (indentation(line) <= indent) break;
    end = index + 1;
  }
  return end;
}

function fence(lines: readonly string[]): string[] {
  const code = trimBlankLines(dedent(lines));
  return code.length === 0 ? [] : ['', '```', ...code, '```'];
}

function trimBlankLines(lines: string[]): string[] {
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  return lines;
}

function withoutOptions(body: readonly string[]): string[] {
  let first = 0;
  while (first < body.length && optionLine.test(body[first] ?? '')) first += 1;
  return body.slice(first);
}

function dedent(lines: readonly string[]): string[] {
  const indents = lines.filter((line) => line.trim() !== '').map(indentation);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => line.slice(Math.min(common, indentation(line))));
}

function indentation(line: string): number {
  return /^\s*/.exec(line)?.[0].length ?? 0;
}

/** A line's inline markup reduced to its text. */
function inlineText(line: string): string {
  return line
    .replace(/``(.+?)``/g, '$1')
    .replace(/(?::[\w-]+)+:`([^`]+)`/g, (_match, inner: string) => roleText(inner))
    .replace(/`([^`]+)`(?::[\w-]+)+:/g, (_match, inner: string) => roleText(inner))
    .replace(/`([^`<]*?)\s*<([^>`]+)>`__?/g, (_match, label: string, target: string) => label || target)
    .replace(/`([^`]+)`__?/g, '$1')
    .replace(/\[([#*\w-]+)\]_/g, '[$1]')
    .replace(/(^|[\s(])([A-Za-z0-9][\w-]*[A-Za-z0-9])_(?=[\s.,;:!?)]|$)/g, '$1$2')
    .replace(/(^|[^`])`([^`]+)`(?!`)/g, '$1$2');
}

/** `text <target>` → `text`; `~module.name` → `module.name`. */
function roleText(inner: string): string {
  const labelled = /^(.*?)\s*<([^>]*)>$/.exec(inner);
  const shown = labelled?.[1] ? labelled[1] : (labelled?.[2] ?? inner);
  return shown.replace(/^[~!]/, '');
}
