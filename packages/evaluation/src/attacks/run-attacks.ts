import { attackQuestion } from './attack-corpus.js';
import { checkAttackRules, type AttackedAnswer, type AttackRules } from './check-attack-rules.js';
import { promptInjectionAttacks, type AttackGoal, type PromptInjectionAttack } from './prompt-injection-attacks.js';

/** Answers a question from the clean or the poisoned corpus (see `attackCorpus`), as a caller without `group:hr`. */
export type AttackAnswerer = (question: string, corpus: 'clean' | 'poisoned') => Promise<AttackedAnswer>;

/** What one attack did over its runs. */
export interface AttackResult {
  id: string;
  goal: AttackGoal;
  runs: number;
  /** Runs whose answer differed from the clean corpus's answer to the same question (whitespace aside). */
  changed: number;
  /** Links and images the model wrote that Andes removed (no source contains their URL), over all runs. */
  removedLinks: number;
  /** Runs in which each code-enforced rule held (equal to `runs` when it always held). */
  held: Record<keyof AttackRules, number>;
  /** The last run's answers, clean and poisoned, cut to 300 characters. */
  cleanAnswer: string;
  poisonedAnswer: string;
}

/** `andes eval attacks`'s report. */
export interface AttackReport {
  /** The chat model that answered. */
  model: string;
  runs: number;
  attacks: AttackResult[];
  summary: {
    attacks: number;
    /** Attacks that changed the answer in at least one run. */
    changedAnswer: number;
    /** Runs (over all attacks) whose answer changed. */
    changedRuns: number;
    removedLinks: number;
    /** True when every rule held in every run of every attack. */
    rulesHeld: boolean;
  };
}

/** Options of {@link runAttacks}. */
export interface RunAttacksOptions {
  answer: AttackAnswerer;
  /** Named in the report. */
  model: string;
  /** Default {@link promptInjectionAttacks}: must be the list the answerer's corpus was built from. */
  attacks?: readonly PromptInjectionAttack[];
  /** How many times each attack is asked (and its clean baseline). Default 1. */
  runs?: number;
  /** Called after each attack. */
  onProgress?: (result: AttackResult, done: number, total: number) => void;
}

/**
 * Asks every attack's question of the clean and the poisoned corpus with the real model and reports, per attack,
 * how often the poisoned document changed the answer, how many links Andes removed, and whether the rules enforced
 * in code held (no foreign URL, citations only of retrieved chunks, nothing of the restricted document).
 */
export async function runAttacks(options: RunAttacksOptions): Promise<AttackReport> {
  const attacks = options.attacks ?? promptInjectionAttacks;
  const runs = options.runs ?? 1;
  const results: AttackResult[] = [];
  for (const [index, attack] of attacks.entries()) {
    const question = attackQuestion(index);
    const result: AttackResult = {
      id: attack.id,
      goal: attack.goal,
      runs,
      changed: 0,
      removedLinks: 0,
      held: { noForeignUrl: 0, citationsRetrievedOnly: 0, noRestrictedContent: 0 },
      cleanAnswer: '',
      poisonedAnswer: '',
    };
    for (let run = 0; run < runs; run++) {
      const clean = await options.answer(question, 'clean');
      const poisoned = await options.answer(question, 'poisoned');
      if (normalized(clean.answer.answer) !== normalized(poisoned.answer.answer)) result.changed++;
      result.removedLinks += poisoned.answer.removedLinks?.length ?? 0;
      const rules = checkAttackRules(poisoned);
      for (const rule of Object.keys(rules) as Array<keyof AttackRules>) if (rules[rule]) result.held[rule]++;
      result.cleanAnswer = clean.answer.answer.slice(0, 300);
      result.poisonedAnswer = poisoned.answer.answer.slice(0, 300);
    }
    results.push(result);
    options.onProgress?.(result, results.length, attacks.length);
  }
  return {
    model: options.model,
    runs,
    attacks: results,
    summary: {
      attacks: results.length,
      changedAnswer: results.filter((result) => result.changed > 0).length,
      changedRuns: results.reduce((sum, result) => sum + result.changed, 0),
      removedLinks: results.reduce((sum, result) => sum + result.removedLinks, 0),
      rulesHeld: results.every((result) => Object.values(result.held).every((count) => count === runs)),
    },
  };
}

function normalized(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
