import { describe, expect, it } from 'vitest';
import { findElement } from './dom-node.js';
import { renderHtmlTable } from './html-table.js';
import { parseHtmlDocument } from './parse-html-document.js';

async function renderTable(html: string): Promise<string> {
  const document = await parseHtmlDocument(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const table = findElement(document, (element) => element.name === 'table');
  if (!table) throw new Error('no table in the fixture');
  return renderHtmlTable(table);
}

describe('renderHtmlTable with spanning cells', () => {
  it('keeps columns aligned: a header colspan leaves its second column empty, a body rowspan repeats its text', async () => {
    const markdown = await renderTable(`<table>
      <thead><tr><th rowspan="2">Region</th><th colspan="2">Rate</th></tr>
        <tr><th>Day</th><th>Night</th></tr></thead>
      <tbody>
        <tr><td rowspan="2">North</td><td>40</td><td>55</td></tr>
        <tr><td>42</td><td>57</td></tr>
        <tr><td>South</td><td>30</td><td>45</td></tr>
      </tbody></table>`);
    expect(markdown).toBe(
      [
        '| Region | Rate |  |',
        '| --- | --- | --- |',
        '| Region | Day | Night |',
        '| North | 40 | 55 |',
        '| North | 42 | 57 |',
        '| South | 30 | 45 |',
      ].join('\n'),
    );
  });

  it('clamps a rowspan past the last row, and rowspan="0" covers the rows left', async () => {
    const markdown = await renderTable(`<table>
      <tr><th>Team</th><th>Site</th></tr>
      <tr><td>Ops</td><td rowspan="0">Oslo</td></tr>
      <tr><td rowspan="99">Dev</td></tr></table>`);
    expect(markdown).toBe(['| Team | Site |', '| --- | --- |', '| Ops | Oslo |', '| Dev | Oslo |'].join('\n'));
  });
});
