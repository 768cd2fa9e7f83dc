import { Command } from 'commander';
import { configFromOptions, withCommonOptions, type CommonOptions } from '../common-options.js';
import { printJson, printLine } from '../output/print.js';
import { parsePositiveInteger } from './parse-positive-integer.js';
import { withService } from './with-service.js';

interface SearchOptions extends CommonOptions {
  k: number;
  json?: boolean;
}

/** `andes search QUERY`: the best-matching passages, best first. */
export function searchCommand(): Command {
  return withCommonOptions(new Command('search'))
    .description('find the passages that best match a query')
    .argument('<query>', 'what to look for')
    .option('--k <n>', 'how many hits', parsePositiveInteger, 10)
    .option('--json', 'print only a JSON array of hits on stdout')
    .action(async (query: string, options: SearchOptions) => {
      const hits = await withService(configFromOptions(options), (service) =>
        service.search({ collection: options.collection, query, k: options.k }),
      );
      if (options.json) return printJson(hits);
      if (hits.length === 0) return printLine('No matching passages.');
      hits.forEach((hit, position) => {
        const heading = hit.headingPath.length > 0 ? ` > ${hit.headingPath.join(' > ')}` : '';
        printLine(`${position + 1}. ${hit.source}${heading}  (score ${hit.score.toFixed(4)})`);
        printLine(`   ${hit.text.replace(/\s+/g, ' ').slice(0, 240)}`);
      });
    });
}
