import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../chunking/chunk-document.js';
import { parseDocument } from '../parse-document.js';

const encode = (text: string) => new TextEncoder().encode(text);

const guide = `.. _travel-guide:

==============
Travel Guide
==============

.. note:: Rules changed in **2024**; see :ref:\`the changelog <changes>\`.

Booking
-------

Book flights through the travel desk with \`\`travel book\`\`.

Hotels
~~~~~~

Hotels cost up to 180 EUR per night; see \`the rates <https://example.com/rates>\`_ and :func:\`~travel.hotel_rate\`.

.. code-block:: bash
   :caption: Booking a hotel

   # book a room
   travel hotel --city Berlin

Trains
~~~~~~

Take the train for trips under four hours.

.. toctree::
   :maxdepth: 2

   booking
   hotels

Expenses
--------

Claims are paid within 30 days.

.. This comment is not part of the text.
`;

describe('reStructuredText parsing', () => {
  it('turns three levels of section titles into headings, titles the document, and reads its markup as text', async () => {
    const document = await parseDocument({ source: 'docs/travel.rst', bytes: encode(guide) });
    expect(document).toMatchObject({ mediaType: 'text/x-rst', title: 'Travel Guide' });
    expect(document.text).toBe(
      [
        '# Travel Guide',
        '',
        'Note: Rules changed in **2024**; see the changelog.',
        '',
        '## Booking',
        '',
        'Book flights through the travel desk with travel book.',
        '',
        '### Hotels',
        '',
        'Hotels cost up to 180 EUR per night; see the rates and travel.hotel_rate.',
        '',
        '```',
        '# book a room',
        'travel hotel --city Berlin',
        '```',
        '',
        '### Trains',
        '',
        'Take the train for trips under four hours.',
        '',
        '## Expenses',
        '',
        'Claims are paid within 30 days.',
        '',
      ].join('\n'),
    );
  });

  it('gives chunks the heading path of their section, as for Markdown', async () => {
    const document = await parseDocument({ source: 'docs/travel.rst', bytes: encode(guide) });
    const chunks = chunkDocument(document, { targetWords: 8, overlapWords: 0 });
    const pathOf = (phrase: string) => chunks.find((chunk) => chunk.text.includes(phrase))?.headingPath;
    expect(pathOf('Book flights')).toEqual(['Travel Guide', 'Booking']);
    expect(pathOf('180 EUR per night')).toEqual(['Travel Guide', 'Booking', 'Hotels']);
    expect(pathOf('travel hotel --city Berlin')).toEqual(['Travel Guide', 'Booking', 'Hotels']);
    expect(pathOf('under four hours')).toEqual(['Travel Guide', 'Booking', 'Trains']);
    expect(pathOf('paid within 30 days')).toEqual(['Travel Guide', 'Expenses']);
  });

  it('is a supported type: .rst files are recognised by their extension', async () => {
    const document = await parseDocument({
      source: 'README.rst',
      bytes: encode('Install\n=======\n\nRun the installer.'),
    });
    expect(document).toMatchObject({
      mediaType: 'text/x-rst',
      title: 'Install',
      text: '# Install\n\nRun the installer.',
    });
  });
});

describe('structured plain text', () => {
  it('writes setext and reStructuredText-style titles as headings, takes a first title line, and escapes stray # lines', async () => {
    const text = [
      'Office Handbook',
      '',
      'Welcome to the office.',
      '',
      'Parking',
      '=======',
      '',
      'Level two is for staff.',
      '',
      '# not a heading, a comment',
      '',
      'Visitors',
      '--------',
      '',
      'Visitors park on level one.',
    ].join('\n');
    const document = await parseDocument({ source: 'handbook.txt', bytes: encode(text) });
    expect(document).toMatchObject({ mediaType: 'text/plain', title: 'Office Handbook' });
    expect(document.text).toBe(
      [
        '# Office Handbook',
        '',
        'Welcome to the office.',
        '',
        '## Parking',
        '',
        'Level two is for staff.',
        '',
        '\\# not a heading, a comment',
        '',
        '### Visitors',
        '',
        'Visitors park on level one.',
      ].join('\n'),
    );
  });

  it('gives the chunks of structured plain text the heading path of their section', async () => {
    const text = [
      'Office Handbook',
      '',
      'Welcome to the office.',
      '',
      'Parking',
      '=======',
      '',
      'Level two is for staff.',
      '',
      '# a comment',
      '',
      'Visitors',
      '--------',
      '',
      'Visitors park on level one.',
    ].join('\n');
    const chunks = chunkDocument(await parseDocument({ source: 'handbook.txt', bytes: encode(text) }), {
      targetWords: 6,
      overlapWords: 0,
    });
    const pathOf = (phrase: string) => chunks.find((chunk) => chunk.text.includes(phrase))?.headingPath;
    expect(pathOf('Level two is for staff')).toEqual(['Office Handbook', 'Parking']);
    expect(pathOf('a comment')).toEqual(['Office Handbook', 'Parking']);
    expect(pathOf('Visitors park on level one')).toEqual(['Office Handbook', 'Parking', 'Visitors']);
  });

  it('keeps plain text without structure as written, titled by its file name', async () => {
    const text = 'Connect to the guest network.\nThe password is on the whiteboard.\n\n----\n\nAsk IT for help.';
    const document = await parseDocument({ source: 'wifi.txt', bytes: encode(text) });
    expect(document).toMatchObject({ title: 'wifi', text });
  });
});
