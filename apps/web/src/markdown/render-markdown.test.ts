import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as RenderMarkdownModule from './render-markdown.js';

// DOMPurify needs a DOM when it is loaded: a jsdom window stands in for the browser's.
const { window } = new JSDOM('<!doctype html><html><body></body></html>');
let renderMarkdown: typeof RenderMarkdownModule.renderMarkdown;
let urlsIn: typeof RenderMarkdownModule.urlsIn;
beforeAll(async () => {
  Object.assign(globalThis, { window, document: window.document });
  ({ renderMarkdown, urlsIn } = await import('./render-markdown.js'));
});

describe('renderMarkdown', () => {
  it('renders tables, lists and code', () => {
    const html = renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two\n\n```\nx < y\n```');
    expect(html).toContain('<table>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<pre><code>x &lt; y');
  });

  it('shows raw HTML as text: no script, no event handler', () => {
    const html = renderMarkdown('Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> <b onclick="x()">b</b>');
    const container = document.createElement('div');
    container.innerHTML = html;
    expect(container.querySelectorAll('script, img, b, [onerror], [onclick]')).toHaveLength(0);
    expect(container.textContent).toContain('<script>alert(1)</script>');
  });

  it('keeps only links and images whose URL the cited passages contain, never javascript:', () => {
    const allowedUrls = urlsIn(['See https://intranet.example/travel and ![chart](https://intranet.example/c.png).']);
    const html = renderMarkdown(
      '[ok](https://intranet.example/travel) [leak](https://attacker.example/?q=secret) [run](javascript:alert(1)) ' +
        '![chart](https://intranet.example/c.png) ![pixel](https://attacker.example/p.png)',
      { allowedUrls },
    );
    const container = document.createElement('div');
    container.innerHTML = html;
    expect([...container.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([
      'https://intranet.example/travel',
    ]);
    expect(container.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect([...container.querySelectorAll('img')].map((image) => image.getAttribute('src'))).toEqual([
      'https://intranet.example/c.png',
    ]);
    expect(container.textContent).toContain('leak');
    expect(container.textContent).toContain('pixel');
    expect(html).not.toMatch(/javascript:|attacker\.example/);
  });

  it('shows no image at all when images are off, even one whose URL is allowed', () => {
    const markdown = '![chart](https://intranet.example/c.png) [page](https://intranet.example/c.png)';
    const html = renderMarkdown(markdown, { allowedUrls: urlsIn([markdown]), images: false });
    expect(html).not.toContain('<img');
    expect(html).toContain('chart');
    expect(html).toContain('href="https://intranet.example/c.png"');
  });
});
