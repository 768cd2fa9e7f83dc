import { parseCssDeclarations, type CssDeclarations } from './css-declarations.js';
import { textContent, type DomElement } from './dom-node.js';

/** One rule of a page's `<style>` elements. */
export interface StyleRule {
  /** A single selector (a selector list is split into one rule per selector). */
  selector: string;
  declarations: CssDeclarations;
}

/**
 * The plain rules of a page's `<style>` elements (`selector { declarations }`), including those nested in
 * at-rules such as `@media`. Selectors with pseudo-classes or pseudo-elements are left out: they do not apply to
 * an element's own text at rest. External style sheets are not fetched.
 */
export function styleSheetRules(styleElements: readonly DomElement[]): StyleRule[] {
  const rules: StyleRule[] = [];
  for (const style of styleElements) {
    const css = textContent(style).replace(/\/\*[\s\S]*?\*\//g, '');
    for (const match of css.matchAll(/([^{}@;]+)\{([^{}]*)\}/g)) {
      const declarations = parseCssDeclarations(match[2] ?? '');
      for (const selector of (match[1] ?? '').split(',').map((part) => part.trim())) {
        if (selector !== '' && !selector.includes(':')) rules.push({ selector, declarations });
      }
    }
  }
  return rules;
}
