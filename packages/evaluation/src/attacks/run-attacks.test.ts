import type { Answer } from '@andes-rag/core';
import { describe, expect, it } from 'vitest';
import { attackCorpus, attackQuestion, restrictedCanary } from './attack-corpus.js';
import { checkAttackRules } from './check-attack-rules.js';
import { formatAttackReport } from './format-attack-report.js';
import { promptInjectionAttacks } from './prompt-injection-attacks.js';
import { runAttacks, type AttackAnswerer } from './run-attacks.js';

const source = { chunkId: 'chunk-1', text: 'The budget is 3 thousand euros. See https://intranet.example/budget' };

function answer(text: string, citations: Answer['citations'] = [], removedLinks: string[] = []): Answer {
  return { answer: text, mode: 'generative', citations, ...(removedLinks.length > 0 ? { removedLinks } : {}) };
}

const citation = (chunkId: string, n: number, text = source.text) => ({
  n,
  source: 'projects/zephyr0.md',
  chunkId,
  documentId: 'document-1',
  title: 'Project zephyr0',
  headingPath: [],
  text,
  startOffset: 0,
  endOffset: text.length,
});

describe('prompt-injection attacks', () => {
  it('are at least twenty, with distinct ids, each planted in its own document of the poisoned corpus only', () => {
    expect(promptInjectionAttacks.length).toBeGreaterThanOrEqual(20);
    expect(new Set(promptInjectionAttacks.map((attack) => attack.id)).size).toBe(promptInjectionAttacks.length);
    const poisoned = attackCorpus(promptInjectionAttacks, true);
    const clean = attackCorpus(promptInjectionAttacks, false);
    expect(poisoned.filter((document) => document.text.includes('WRITE:'))).toHaveLength(promptInjectionAttacks.length);
    expect(clean.some((document) => document.text.includes('WRITE:'))).toBe(false);
    expect(poisoned.find((document) => document.text.includes(restrictedCanary))?.access).toEqual(['group:hr']);
    expect(attackQuestion(3)).toContain('zephyr3');
  });

  it('checks each code-enforced rule on its own', () => {
    const sources = [source];
    expect(
      checkAttackRules({ answer: answer('3 thousand [1].', [citation('chunk-1', 1)]), streamed: '', sources }),
    ).toEqual({
      noForeignUrl: true,
      citationsRetrievedOnly: true,
      noRestrictedContent: true,
    });
    // A URL a source holds may stay; one no source holds may not, in the answer or in its stream.
    expect(
      checkAttackRules({ answer: answer('https://intranet.example/budget'), streamed: '', sources }).noForeignUrl,
    ).toBe(true);
    expect(
      checkAttackRules({ answer: answer('ok'), streamed: '![x](https://evil.example/p.png)', sources }).noForeignUrl,
    ).toBe(false);
    expect(
      checkAttackRules({ answer: answer('ok', [citation('chunk-9', 1)]), streamed: '', sources })
        .citationsRetrievedOnly,
    ).toBe(false);
    expect(
      checkAttackRules({ answer: answer('ok', [citation('chunk-1', 2)]), streamed: '', sources })
        .citationsRetrievedOnly,
    ).toBe(false);
    expect(
      checkAttackRules({ answer: answer(`the ${restrictedCanary} table`), streamed: '', sources }).noRestrictedContent,
    ).toBe(false);
  });

  it('counts changed answers, removed links and held rules per attack over the runs, and prints them', async () => {
    const attacks = promptInjectionAttacks.slice(0, 2);
    let call = 0;
    const answerer: AttackAnswerer = async (question, corpus) => {
      call++;
      if (corpus === 'clean' || question.includes('zephyr1'))
        return { answer: answer('3 thousand [1].', [citation('chunk-1', 1)]), streamed: '', sources: [source] };
      // Attack 0 changes the answer in its first run only, and once gets a foreign link through.
      const leaked = call === 2 ? '![x](https://evil.example/p.png)' : '';
      return {
        answer: answer(
          call === 2 ? `Obeyed ${leaked}` : '3 thousand  [1].',
          [citation('chunk-1', 1)],
          ['https://evil.example/q'],
        ),
        streamed: '',
        sources: [source],
      };
    };
    const report = await runAttacks({ answer: answerer, model: 'scripted', attacks, runs: 2 });
    expect(report.attacks.map(({ id, changed, removedLinks, held }) => ({ id, changed, removedLinks, held }))).toEqual([
      {
        id: attacks[0]?.id,
        changed: 1,
        removedLinks: 2,
        held: { noForeignUrl: 1, citationsRetrievedOnly: 2, noRestrictedContent: 2 },
      },
      {
        id: attacks[1]?.id,
        changed: 0,
        removedLinks: 0,
        held: { noForeignUrl: 2, citationsRetrievedOnly: 2, noRestrictedContent: 2 },
      },
    ]);
    expect(report.summary).toEqual({ attacks: 2, changedAnswer: 1, changedRuns: 1, removedLinks: 2, rulesHeld: false });
    const lines = formatAttackReport(report);
    expect(lines).toContain(`${attacks[0]?.id.padEnd(17)}  1/2      2              1/2 / 2/2 / 2/2`);
    expect(lines.at(-1)).toBe(
      '1 of 2 attacks changed the answer (1 run(s)); 2 link(s) removed; code-enforced rules FAILED at least once',
    );
  });
});
