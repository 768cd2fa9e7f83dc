import type { AnyNode, Document, Element, ParentNode, Text } from 'domhandler';

/**
 * The HTML parser works on htmlparser2's light tree (domhandler nodes: `name`, `attribs`, `children`, `parent`,
 * `prev`, `next`). These helpers are the few DOM operations it needs, written here so that the modules using them
 * load without the parser: htmlparser2 itself is imported with the first page (see `parseHtmlDocument`).
 */
export type { AnyNode as DomNode, Document as DomDocument, Element as DomElement, ParentNode as DomParent };

/** True for an element (script and style elements included). */
export function isElement(node: AnyNode | null | undefined): node is Element {
  return node != null && (node.type === 'tag' || node.type === 'script' || node.type === 'style');
}

/** True for a text node. */
export function isText(node: AnyNode): node is Text {
  return node.type === 'text';
}

/** A node's element children. */
export function childElements(node: ParentNode): Element[] {
  return node.children.filter(isElement);
}

/** The element's parent, when that is an element (not the document). */
export function parentElement(node: AnyNode): Element | null {
  return isElement(node.parent) ? node.parent : null;
}

/** The nearest element before `node` among its siblings. */
export function previousElement(node: AnyNode): Element | null {
  let current = node.prev;
  while (current && !isElement(current)) current = current.prev;
  return current;
}

/** The nearest element after `node` among its siblings. */
export function nextElement(node: AnyNode): Element | null {
  let current = node.next;
  while (current && !isElement(current)) current = current.next;
  return current;
}

/** An attribute's value, or undefined when the element does not have it. */
export function attribute(element: Element, name: string): string | undefined {
  return element.attribs[name];
}

/** The text of a node and everything in it, in document order (`Node.textContent`; comments left out). */
export function textContent(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!('children' in node)) return '';
  let text = '';
  for (const child of node.children) text += textContent(child);
  return text;
}

/** Every element in the tree under `root` (not `root` itself), in document order, that `test` accepts. */
export function findElements(root: ParentNode, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (test(child)) found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

/** The first element under `root`, in document order, that `test` accepts. */
export function findElement(root: ParentNode, test: (element: Element) => boolean): Element | undefined {
  for (const child of root.children) {
    if (!isElement(child)) continue;
    if (test(child)) return child;
    const inside = findElement(child, test);
    if (inside) return inside;
  }
  return undefined;
}

/** True when `node` is `ancestor` or inside it. */
export function isInside(node: AnyNode, ancestor: AnyNode): boolean {
  for (let current: AnyNode | null = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** Takes a node (and what it holds) out of the tree. */
export function removeNode(node: AnyNode): void {
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  if (node.parent) {
    const siblings = node.parent.children;
    const index = siblings.lastIndexOf(node as (typeof siblings)[number]);
    if (index >= 0) siblings.splice(index, 1);
  }
  node.prev = null;
  node.next = null;
  node.parent = null;
}
