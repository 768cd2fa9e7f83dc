/** Word XML with its hidden runs removed, and their text. */
export interface VisibleWordXml {
  xml: string;
  /** The text of each removed run. */
  hiddenPassages: string[];
}

const runPattern = /<w:r(?:\s[^>]*?)?(?<!\/)>([\s\S]*?)<\/w:r>/g;
const runPropertiesPattern = /<w:rPr>([\s\S]*?)<\/w:rPr>/;
const vanishPattern = /<w:(?:vanish|specVanish)(?:\s+w:val="(?:true|1|on)")?\s*\/>/;
const whiteColorPattern = /<w:color\s+w:val="(?:F[A-F\d]){3}"/i;
const tinySizePattern = /<w:sz\s+w:val="[0-2]"/;
const colouredFillPattern =
  /<w:shd\b[^>]*\bw:fill="(?!auto"|(?:F[A-F\d]){3}")[0-9A-Fa-f]{6}"|<w:highlight\s+w:val="(?!none")/;

/**
 * Removes the runs of a WordprocessingML part (document, footnotes, comments) that a reader cannot see: runs
 * marked hidden (`w:vanish`), runs in white (or nearly white) type unless the run, its paragraph or its table cell
 * has a coloured background, and runs under one point in size. Hidden character styles are not followed.
 */
export function removeHiddenRuns(xml: string): VisibleWordXml {
  const hiddenPassages: string[] = [];
  const visible = xml.replace(runPattern, (run: string, content: string, offset: number) => {
    const properties = runPropertiesPattern.exec(content)?.[1] ?? '';
    const invisible =
      vanishPattern.test(properties) ||
      tinySizePattern.test(properties) ||
      (whiteColorPattern.test(properties) && !colouredFillPattern.test(properties) && !onColouredFill(xml, offset));
    if (!invisible) return run;
    const text = runText(content);
    if (text.trim() !== '') hiddenPassages.push(text.trim());
    return '';
  });
  return { xml: visible, hiddenPassages };
}

/** True when the paragraph or table cell enclosing `offset` has a coloured shading. */
function onColouredFill(xml: string, offset: number): boolean {
  return ['w:p', 'w:tc'].some((element) => {
    const start = Math.max(xml.lastIndexOf(`<${element}>`, offset), xml.lastIndexOf(`<${element} `, offset));
    if (start === -1 || xml.lastIndexOf(`</${element}>`, offset) > start) return false;
    const propertiesEnd = xml.indexOf(`</${element}Pr>`, start);
    return propertiesEnd !== -1 && propertiesEnd < offset && colouredFillPattern.test(xml.slice(start, propertiesEnd));
  });
}

function runText(content: string): string {
  return [...content.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((match) => decodeXmlEntities(match[1] ?? ''))
    .join('');
}

/** Decodes the five predefined XML entities and numeric character references. */
export function decodeXmlEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[\da-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    if (!entity.startsWith('#')) return named[entity.toLowerCase()] ?? whole;
    const codePoint = /^#x/i.test(entity) ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}
