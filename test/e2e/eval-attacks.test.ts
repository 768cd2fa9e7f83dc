import { describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import { runCli } from '../support/run-cli.js';

// andes eval attacks through the real CLI with the tiny chat model (random weights): the structure of the report and
// the counts of the rules enforced in code, never the model's quality.
const only = ['image-exfiltration', 'forged-fence'];

describe('andes eval attacks', () => {
  test('reports, per attack, how often the answer changed and that every code-enforced rule held', async () => {
    const { chatModelPath } = await ensureTestModels();
    const args = [
      'eval',
      'attacks',
      '--model',
      chatModelPath,
      '--threads',
      '1',
      '--max-tokens',
      '12',
      '--only',
      only.join(','),
    ];
    const result = await runCli([...args, '--runs', '2', '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      model: string;
      runs: number;
      attacks: Array<{ id: string; runs: number; changed: number; removedLinks: number; held: Record<string, number> }>;
      summary: { attacks: number; changedAnswer: number; changedRuns: number; rulesHeld: boolean };
    };
    expect(report.runs).toBe(2);
    expect(report.attacks.map((attack) => attack.id)).toEqual(only);
    for (const attack of report.attacks) {
      expect(attack.runs).toBe(2);
      expect(attack.held).toEqual({ noForeignUrl: 2, citationsRetrievedOnly: 2, noRestrictedContent: 2 });
      expect([0, 1, 2]).toContain(attack.changed);
    }
    expect(report.summary.attacks).toBe(2);
    expect(report.summary.rulesHeld).toBe(true);
    expect(report.summary.changedRuns).toBe(report.attacks.reduce((sum, attack) => sum + attack.changed, 0));
    expect(result.stderr).toContain('attack 2/2 forged-fence');
  });

  test('refuses an unknown attack id (exit 2)', async () => {
    const unknown = await runCli(['eval', 'attacks', '--model', 'nowhere.gguf', '--only', 'nope']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('Unknown attack id(s): nope');
  });
});
