import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI's bundled sample handbook (10 documents in Markdown, HTML and text), at the repository root. */
export const sampleHandbookDirectory = fileURLToPath(new URL('../../../../apps/cli/samples/handbook', import.meta.url));

/** The sample handbook's files: source path relative to the folder, and bytes. */
export function sampleHandbookFiles(): { source: string; bytes: Uint8Array }[] {
  const files: { source: string; bytes: Uint8Array }[] = [];
  const walk = (directory: string) => {
    for (const name of readdirSync(directory).sort()) {
      const full = path.join(directory, name);
      if (statSync(full).isDirectory()) walk(full);
      else
        files.push({
          source: path.relative(sampleHandbookDirectory, full).split(path.sep).join('/'),
          bytes: readFileSync(full),
        });
    }
  };
  walk(sampleHandbookDirectory);
  return files;
}

/** Questions the sample handbook answers, phrased as a person would ask, with the document that answers each. */
export const coveredHandbookQuestions: [question: string, source: string][] = [
  ['how much vacation do I get per year', 'employee-handbook.md'],
  ['can I carry unused holiday days into next year', 'employee-handbook.md'],
  ['what laptop will an engineer receive', 'employee-handbook.md'],
  ['how many days a week do I need to be in the office', 'employee-handbook.md'],
  ['is there money for a desk and chair when working from home', 'employee-handbook.md'],
  ['how much can I spend on a dinner with a client', 'expense-policy.md'],
  ['who needs to approve a $3,000 purchase', 'expense-policy.md'],
  ['what is the daily meal allowance in London', 'expense-policy.md'],
  ['can I fly business class to Berlin', 'travel-policy.md'],
  ['what is the hotel limit per night in New York', 'travel-policy.md'],
  ['am I allowed to rent an SUV', 'travel-policy.md'],
  ['how many weeks off does a new father get', 'benefits/parental-leave.txt'],
  ['what happens to my leave if I adopt a child', 'benefits/parental-leave.txt'],
  ['what is my yearly budget for courses and books', 'benefits/learning-budget.md'],
  ['does the learning budget pay for a new laptop', 'benefits/learning-budget.md'],
  ['which day of the week do we release to production', 'engineering/deployment-guide.md'],
  ['how do I roll back a broken deploy', 'engineering/deployment-guide.md'],
  ['how much am I paid for a week of on-call', 'engineering/on-call-runbook.md'],
  ['what should I do when the kafka consumer lag alert fires', 'engineering/on-call-runbook.md'],
  ['how long must a password be', 'security/access-control.md'],
  ['I lost my yubikey, what now', 'security/access-control.md'],
  ['who is in charge during a major outage', 'security/incident-response.md'],
  ['how do I declare an incident', 'security/incident-response.md'],
  ['what programming language is the ingest gateway written in', 'engineering/architecture-overview.html'],
  ['how long do we keep sensor data', 'engineering/architecture-overview.html'],
];

/** Questions on other topics entirely, which the sample handbook does not cover. */
export const offTopicHandbookQuestions: string[] = [
  'What is the capital of Australia?',
  'How do I bake sourdough bread?',
  'Who won the 2018 FIFA World Cup?',
  'What is the boiling point of water at sea level?',
  'Recommend a good science fiction novel',
  'How do I change the oil in my car?',
  'What is the stock price of Apple today?',
  'How tall is Mount Everest?',
  "What's the weather forecast for tomorrow?",
  "Translate 'good morning' into Japanese",
];
