import { describe, expect, it } from 'vitest';
import { parseDocument } from '../parse-document.js';

const intranetPage = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Expense Reimbursement</title>
  <style>.nav { color: red }</style>
  <script>window.analytics = { track() {} }; document.write('tracking pixel');</script>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">Acme Intranet</a>
    <nav><ul><li><a href="/hr">HR</a></li><li><a href="/it">IT Help</a></li><li><a href="/finance">Finance</a></li></ul></nav>
  </header>
  <div class="cookie-banner" style="display: none">We use cookies to improve your experience.</div>
  <main>
    <article>
      <h1>Expense Reimbursement</h1>
      <p>Employees are reimbursed for reasonable business expenses within <strong>30 days</strong> of submitting
         a claim with receipts. Claims older than ninety days are not accepted.</p>
      <h2>Travel</h2>
      <p>Book flights through the travel desk. Economy class is the default for flights under six hours,
         and business class requires written approval from a vice president.</p>
      <ul><li>Hotel: up to 180 EUR per night</li><li>Meals: up to 60 EUR per day</li></ul>
      <h3>Mileage</h3>
      <p>Private car use is reimbursed at 0.30 EUR per kilometre when no train connection exists.</p>
      <table><caption>Per diem rates</caption><tr><th>City</th><th>Rate</th></tr><tr><td>Berlin</td><td>45 EUR</td></tr></table>
      <pre># submit a claim from the command line
expense submit --receipt scan.pdf</pre>
    </article>
  </main>
  <aside class="sidebar"><h2>Related pages</h2><a href="/travel">Travel policy</a> <a href="/cards">Corporate cards</a></aside>
  <footer><p>Copyright 2024 Acme Corp. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
  <script>trackPageView('expenses');</script>
  <noscript>Please enable JavaScript to use the intranet.</noscript>
</body>
</html>`;

async function parseHtml(html: string, source = 'expenses.html') {
  return parseDocument({ source, bytes: new TextEncoder().encode(html) });
}

describe('HTML parsing', () => {
  it('keeps the main content and drops navigation, scripts, styles, sidebars and footers', async () => {
    const document = await parseHtml(intranetPage);
    expect(document.mediaType).toBe('text/html');
    expect(document.title).toBe('Expense Reimbursement');
    expect(document.text).toContain('reimbursed for reasonable business expenses within 30 days');
    expect(document.text).toContain('Economy class is the default');
    expect(document.text).toContain("- Hotel: up to 180 EUR per night\n- Meals: up to 60 EUR per day");
    expect(document.text).toContain('City | Rate\nBerlin | 45 EUR');
    for (const boilerplate of ['IT Help', 'Acme Intranet', 'analytics', 'trackPageView', 'color: red', 'cookies', 'Related pages', 'Corporate cards', 'Copyright', 'enable JavaScript']) {
      expect(document.text).not.toContain(boilerplate);
    }
  });

  it('writes headings as markdown lines at their original level, and code as a fenced block', async () => {
    const document = await parseHtml(intranetPage);
    expect(document.text).toMatch(/^## Travel$/m);
    expect(document.text).toMatch(/^### Mileage$/m);
    expect(document.text).toContain('```\n# submit a claim from the command line\nexpense submit --receipt scan.pdf\n```');
  });

  it('titles a page by its <h1> when <title> is that heading plus a site name', async () => {
    const page = '<html><head><title>On-call Runbook | Acme Engineering</title></head><body><h1>On-call Runbook</h1><p>Page the secondary.</p></body></html>';
    expect((await parseHtml(page)).title).toBe('On-call Runbook');
  });

  it('falls back to the cleaned body for a short page, and titles it by its first heading', async () => {
    const page = '<nav><a href="/">Home</a></nav><h1>On-call</h1><p>Call the duty phone.</p><footer>Footer text</footer>';
    const document = await parseHtml(page, 'pages/on-call.htm');
    expect(document.title).toBe('On-call');
    expect(document.text).toContain('Call the duty phone.');
    expect(document.text).not.toContain('Home');
    expect(document.text).not.toContain('Footer text');
  });

  it('rejects a page with no text as parse_failed', async () => {
    await expect(parseHtml('<html><body><script>alert(1)</script><nav>Menu</nav></body></html>')).rejects.toMatchObject({
      code: 'parse_failed',
    });
  });
});
