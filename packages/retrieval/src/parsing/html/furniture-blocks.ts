import { attribute, isElement, isText, type DomElement, type DomParent } from './dom-node.js';
import { countWords } from '../text/count-words.js';
import { countNodeWords } from './node-words.js';
import { isArticle } from './remove-boilerplate.js';

/**
 * Class and id words that name page furniture: the words Mozilla Readability treats as unlikely content (it
 * matches them the same way, anywhere in the class or id), plus `share`, `masthead` and `cookie`.
 */
const furnitureNames =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cookie|cover-wrap|disqus|extra|footer|gdpr|header|legends|masthead|menu|related|remark|replies|rss|share|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
/** Class and id words that may name the content itself, which outweigh {@link furnitureNames} (as in Readability). */
const contentNames = /and|article|body|column|content|main|mathjax|shadow/i;
/** ARIA roles of furniture not already removed by `removeBoilerplate`. */
const furnitureRoles = new Set(['menu', 'menubar', 'alert', 'alertdialog', 'dialog']);
/** Elements that may be furniture blocks; inline elements (a `<span class="menuselection">`) never are. */
const blockElements = new Set(['div', 'section', 'ul', 'ol', 'dl', 'menu', 'p', 'center']);
/** Elements whose inside is content as it stands: code, tables, articles. */
const contentElements = new Set(['pre', 'code', 'table']);

/** A block left out as page furniture needs at least this many links... */
const minimumLinks = 3;
/** ...and at least this share of its words in link text. */
const minimumLinkShare = 0.8;
/** A block holding more than this share of the page's words is never furniture: it is much of the page. */
const maximumFurnitureShare = 0.4;

/** The furniture blocks found on a page, and their words. */
export interface FurnitureBlocks {
  elements: DomElement[];
  /** Words in the furniture blocks. */
  words: number;
}

/**
 * The blocks of a page without a main landmark that are page furniture by their make-up rather than their tag,
 * the part of Readability's judgement that holds for documentation too: blocks whose class or id names furniture
 * (`menu`, `sidebar`, `breadcrumbs`, `related`, `comments`…) and lists of links (at least {@link minimumLinks}
 * links making {@link minimumLinkShare} of the words: menus, tables of contents). Blocks inside an article, a
 * table or code are content; a block holding over {@link maximumFurnitureShare} of the page's words is too.
 */
export function findFurnitureBlocks(body: DomParent, bodyWords: number): FurnitureBlocks {
  const found: FurnitureBlocks = { elements: [], words: 0 };
  const largest = maximumFurnitureShare * bodyWords;
  const visit = (parent: DomParent): LinkWords => {
    const total: LinkWords = { words: 0, linkWords: 0, links: 0 };
    for (const node of parent.children) {
      if (isText(node)) {
        total.words += countWords(node.data);
        continue;
      }
      if (!isElement(node) || isArticle(node) || contentElements.has(node.name)) {
        // Content kept as it stands: its words count, its links do not, so it never makes a list of links.
        if (isElement(node)) total.words += countNodeWords(node);
        continue;
      }
      const inside = visit(node);
      const block = blockElements.has(node.name);
      const furniture =
        block &&
        inside.words > 0 &&
        inside.words <= largest &&
        (namesFurniture(node) || (inside.links >= minimumLinks && inside.linkWords >= minimumLinkShare * inside.words));
      if (furniture) {
        found.elements.push(node);
        found.words += inside.words;
      } else {
        add(total, inside);
        if (node.name === 'a' && attribute(node, 'href') !== undefined && inside.words > 0) {
          total.links += 1;
          total.linkWords += inside.words - inside.linkWords;
        }
      }
    }
    return total;
  };
  visit(body);
  return found;
}

/** Words under an element, how many are link text, and how many links hold them. */
interface LinkWords {
  words: number;
  linkWords: number;
  links: number;
}

function add(total: LinkWords, part: LinkWords): void {
  total.words += part.words;
  total.linkWords += part.linkWords;
  total.links += part.links;
}

function namesFurniture(element: DomElement): boolean {
  if (furnitureRoles.has(attribute(element, 'role') ?? '')) return true;
  const names = `${attribute(element, 'class') ?? ''} ${attribute(element, 'id') ?? ''}`;
  return furnitureNames.test(names) && !contentNames.test(names);
}
