import { Command } from 'commander';
import { configFromOptions, withCommonOptions, type CommonOptions } from '../common-options.js';
import { printJson, printLine } from '../output/print.js';
import { parseResultCount } from './parse-result-count.js';
import {
  configFromFlags,
  filterFromFlags,
  withRetrievalOptions,
  type RetrievalFlags,
} from './retrieval/retrieval-options.js';
import { withService } from './with-service.js';

interface AskOptions extends CommonOptions, RetrievalFlags {
  k?: number;
  json?: boolean;
}

/** `andes ask QUESTION`: an answer with numbered citations, streamed to the terminal as it is written. */
export function askCommand(): Command {
  return withRetrievalOptions(withCommonOptions(new Command('ask')))
    .description('answer a question from the collection, citing its sources')
    .argument('<question>', 'the question')
    .option('--k <n>', 'how many sources to retrieve (1 to 100)', parseResultCount)
    .option('--json', 'print only {answer, mode, citations} as JSON on stdout')
    .action(async (question: string, options: AskOptions) => {
      const controller = new AbortController();
      const cancel = () => controller.abort();
      process.on('SIGINT', cancel); // `on`: see models-pull-command.ts (signal-exit re-raises when left alone)
      try {
        const filter = filterFromFlags(options);
        const answer = await withService(
          configFromOptions(options, configFromFlags(options)),
          (service) =>
            service.ask({
              collection: options.collection,
              question,
              signal: controller.signal,
              ...(filter ? { filter } : {}),
              ...(options.k === undefined ? {} : { k: options.k }),
              ...(options.json ? {} : { onTextChunk: (text: string) => process.stdout.write(text) }),
            }),
          { readOnly: true },
        );
        if (options.json) return printJson(answer);
        printLine();
        printLine(`\n(${answer.mode} answer)`);
        for (const citation of answer.citations) printLine(`[${citation.n}] ${citation.source} (${citation.chunkId})`);
      } finally {
        process.off('SIGINT', cancel);
      }
    });
}
