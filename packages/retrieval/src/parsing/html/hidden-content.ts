import type { DocumentWarning } from '@andes-rag/core';
import type * as CssSelect from 'css-select';
import { hiddenTextWarning } from '../text/hidden-text-warning.js';
import {
  backgroundKind,
  cssHidesText,
  hasWhiteText,
  parseCssDeclarations,
  type CssDeclarations,
} from './css-declarations.js';
import {
  attribute,
  findElements,
  parentElement,
  removeNode,
  textContent,
  type DomDocument,
  type DomElement,
  type DomNode,
} from './dom-node.js';
import { styleSheetRules, type StyleRule } from './style-sheet-rules.js';

/** css-select, loaded with the first page whose `<style>` rules could hide text or colour a background. */
let cssSelect: typeof CssSelect | undefined;

/**
 * Removes the elements whose text a reader of the page cannot see but a model would read: the `hidden`
 * attribute, and inline styles or `<style>` rules that hide text (see `cssHidesText`), white text on a white or
 * unset background, and `<font color="white">`. Returns a `hidden_text` warning when any such element held text.
 * Must run before `<style>` elements are removed.
 */
export async function removeHiddenContent(document: DomDocument): Promise<DocumentWarning | undefined> {
  const styleElements: DomElement[] = [];
  const styled = findElements(document, (element) => {
    if (element.name === 'style') styleElements.push(element);
    return (
      element.attribs['hidden'] !== undefined ||
      element.attribs['style'] !== undefined ||
      (element.name === 'font' && element.attribs['color'] !== undefined)
    );
  });
  const rules = styleSheetRules(styleElements);
  const hidingRules = rules.filter((rule) => cssHidesText(rule.declarations) || hasWhiteText(rule.declarations));
  const backgroundRules = rules.filter((rule) => backgroundKind(rule.declarations) !== undefined);
  if (hidingRules.length > 0 || backgroundRules.length > 0) cssSelect ??= await import('css-select');
  const page: PageStyles = { backgroundRules, select: cssSelect };
  const hidden = new Set<DomElement>();
  for (const element of styled) {
    if (isHidden(element, page, inlineDeclarations(element))) hidden.add(element);
  }
  for (const rule of hidingRules) {
    for (const element of selectAll(page, document, rule.selector)) {
      if (isHidden(element, page, rule.declarations)) hidden.add(element);
    }
  }
  const passages: string[] = [];
  for (const element of hidden) {
    if (hasHiddenAncestor(element, hidden)) continue;
    const text = textContent(element).replace(/\s+/g, ' ').trim();
    if (text !== '') passages.push(text);
    removeNode(element);
  }
  return passages.length === 0 ? undefined : hiddenTextWarning(passages);
}

/** What the page's style sheets say about backgrounds, and the selector engine to apply them. */
interface PageStyles {
  backgroundRules: readonly StyleRule[];
  select: typeof CssSelect | undefined;
}

function isHidden(element: DomElement, page: PageStyles, declarations: CssDeclarations): boolean {
  if (attribute(element, 'hidden') !== undefined) return true;
  if (cssHidesText(declarations)) return true;
  const whiteFont = element.name === 'font' && /^(white|#fff(fff)?)$/i.test(attribute(element, 'color') ?? '');
  return (whiteFont || hasWhiteText(declarations)) && !onColouredBackground(element, page);
}

/**
 * True when the nearest background set on the element or an ancestor (inline, by a rule, or `bgcolor`) is not
 * white: white text on it may well be readable. Backgrounds this cannot read (images, variables) count as coloured.
 */
function onColouredBackground(element: DomElement, page: PageStyles): boolean {
  for (let current: DomElement | null = element; current; current = parentElement(current)) {
    const own =
      backgroundKind(inlineDeclarations(current)) ?? ruleBackground(current, page) ?? attributeBackground(current);
    if (own !== undefined) return own === 'other';
  }
  return false;
}

function ruleBackground(element: DomElement, page: PageStyles): 'light' | 'other' | undefined {
  let kind: 'light' | 'other' | undefined;
  for (const rule of page.backgroundRules) {
    if (matches(page, element, rule.selector)) kind = backgroundKind(rule.declarations);
  }
  return kind;
}

function attributeBackground(element: DomElement): 'light' | 'other' | undefined {
  const color = attribute(element, 'bgcolor');
  return color === undefined ? undefined : backgroundKind(new Map([['background-color', color.toLowerCase()]]));
}

function inlineDeclarations(element: DomElement): CssDeclarations {
  return parseCssDeclarations(attribute(element, 'style') ?? '');
}

function hasHiddenAncestor(element: DomElement, hidden: ReadonlySet<DomElement>): boolean {
  for (let current = parentElement(element); current; current = parentElement(current)) {
    if (hidden.has(current)) return true;
  }
  return false;
}

/** The elements a rule's selector picks; none for a selector css-select cannot read. */
function selectAll(page: PageStyles, document: DomDocument, selector: string): DomElement[] {
  try {
    return page.select ? page.select.selectAll<DomNode, DomElement>(selector, document) : [];
  } catch {
    return [];
  }
}

function matches(page: PageStyles, element: DomElement, selector: string): boolean {
  try {
    return page.select ? page.select.is(element, selector) : false;
  } catch {
    return false;
  }
}
