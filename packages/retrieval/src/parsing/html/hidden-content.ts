import type { DocumentWarning } from '@andes-rag/core';
import { hiddenTextWarning } from '../text/hidden-text-warning.js';
import {
  backgroundKind,
  cssHidesText,
  hasWhiteText,
  parseCssDeclarations,
  type CssDeclarations,
} from './css-declarations.js';
import type { DomDocument, DomElement } from './dom-node.js';
import { styleSheetRules, type StyleRule } from './style-sheet-rules.js';

/**
 * Removes the elements whose text a reader of the page cannot see but a model would read: the `hidden`
 * attribute, and inline styles or `<style>` rules that hide text (see `cssHidesText`), white text on a white or
 * unset background, and `<font color="white">`. Returns a `hidden_text` warning when any such element held text.
 * Must run before `<style>` elements are removed.
 */
export function removeHiddenContent(document: DomDocument): DocumentWarning | undefined {
  const rules = styleSheetRules(document);
  const hidden = new Set<DomElement>();
  for (const element of document.querySelectorAll('[hidden], [style], font[color]')) {
    if (isHidden(element, rules, inlineDeclarations(element))) hidden.add(element);
  }
  for (const rule of rules) {
    for (const element of selectAll(document, rule.selector)) {
      if (isHidden(element, rules, rule.declarations)) hidden.add(element);
    }
  }
  const passages: string[] = [];
  for (const element of hidden) {
    if (hasHiddenAncestor(element, hidden)) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text !== '') passages.push(text);
    element.remove();
  }
  return passages.length === 0 ? undefined : hiddenTextWarning(passages);
}

function isHidden(element: DomElement, rules: readonly StyleRule[], declarations: CssDeclarations): boolean {
  if (element.getAttribute('hidden') !== null) return true;
  if (cssHidesText(declarations)) return true;
  const whiteFont = element.localName === 'font' && /^(white|#fff(fff)?)$/i.test(element.getAttribute('color') ?? '');
  return (whiteFont || hasWhiteText(declarations)) && !onColouredBackground(element, rules);
}

/**
 * True when the nearest background set on the element or an ancestor (inline, by a rule, or `bgcolor`) is not
 * white: white text on it may well be readable. Backgrounds this cannot read (images, variables) count as coloured.
 */
function onColouredBackground(element: DomElement, rules: readonly StyleRule[]): boolean {
  for (let current: DomElement | null = element; current; current = current.parentElement) {
    const own =
      backgroundKind(inlineDeclarations(current)) ?? ruleBackground(current, rules) ?? attributeBackground(current);
    if (own !== undefined) return own === 'other';
  }
  return false;
}

function ruleBackground(element: DomElement, rules: readonly StyleRule[]): 'light' | 'other' | undefined {
  let kind: 'light' | 'other' | undefined;
  for (const rule of rules) {
    const ruleKind = backgroundKind(rule.declarations);
    if (ruleKind !== undefined && matches(element, rule.selector)) kind = ruleKind;
  }
  return kind;
}

function attributeBackground(element: DomElement): 'light' | 'other' | undefined {
  const color = element.getAttribute('bgcolor');
  return color === null ? undefined : backgroundKind(new Map([['background-color', color.toLowerCase()]]));
}

function inlineDeclarations(element: DomElement): CssDeclarations {
  return parseCssDeclarations(element.getAttribute('style') ?? '');
}

function hasHiddenAncestor(element: DomElement, hidden: ReadonlySet<DomElement>): boolean {
  for (let current = element.parentElement; current; current = current.parentElement) {
    if (hidden.has(current)) return true;
  }
  return false;
}

function selectAll(document: DomDocument, selector: string): Iterable<DomElement> {
  try {
    return document.querySelectorAll(selector);
  } catch {
    return [];
  }
}

function matches(element: DomElement, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}
