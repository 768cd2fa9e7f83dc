/**
 * The few DOM members the HTML parser uses, typed structurally: this package compiles without the DOM library,
 * and linkedom's own types lean on it.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly childNodes: Iterable<DomNode>;
  readonly textContent: string | null;
}

/** An element, as far as the HTML parser needs one. */
export interface DomElement extends DomNode {
  /** Lower-case tag name. */
  readonly localName: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement>;
  closest(selectors: string): DomElement | null;
  /** True when `other` is this element or inside it. */
  contains(other: DomNode): boolean;
  matches(selectors: string): boolean;
  remove(): void;
  /** False once the element, or an element around it, was removed from the document. */
  readonly isConnected: boolean;
  readonly parentElement: DomElement | null;
  readonly children: Iterable<DomElement>;
  readonly previousElementSibling: DomElement | null;
  readonly nextElementSibling: DomElement | null;
}

/** A parsed HTML document. */
export interface DomDocument {
  readonly body: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement>;
}

/** `Node.ELEMENT_NODE`. */
export const elementNode = 1;
/** `Node.TEXT_NODE`. */
export const textNode = 3;

/** True when `node` is an element. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === elementNode;
}
