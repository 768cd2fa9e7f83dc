import { Command } from 'commander';
import { configFromOptions, withCommonOptions, type CommonOptions } from '../common-options.js';
import { printJson, printLine } from '../output/print.js';
import { parseResultCount } from './parse-result-count.js';
import { formatExplanation } from './retrieval/format-explanation.js';
import {
  configFromFlags,
  filterFromFlags,
  withRetrievalOptions,
  type RetrievalFlags,
} from './retrieval/retrieval-options.js';
import { withService } from './with-service.js';

/** Searching changes nothing in the data directory. */
const readOnly = { readOnly: true };

interface SearchOptions extends CommonOptions, RetrievalFlags {
  k: number;
  json?: boolean;
  explain?: boolean;
}

/** `andes search QUERY`: the best-matching passages, best first; `--explain` shows why, stage by stage. */
export function searchCommand(): Command {
  return withRetrievalOptions(withCommonOptions(new Command('search')))
    .description('find the passages that best match a query')
    .argument('<query>', 'what to look for')
    .option('--k <n>', 'how many hits (1 to 100)', parseResultCount, 10)
    .option('--explain', "show each stage's ranks and scores (BM25, dense, fusion, rerank) and the relevance threshold")
    .option('--json', 'print only JSON on stdout: the hits, or {hits, trace} with --explain')
    .action(async (query: string, options: SearchOptions) => {
      const filter = filterFromFlags(options);
      const request = { collection: options.collection, query, k: options.k, ...(filter ? { filter } : {}) };
      const config = configFromOptions(options, configFromFlags(options));
      if (options.explain) {
        const explained = await withService(config, (service) => service.explainSearch(request), readOnly);
        if (options.json) return printJson({ hits: explained.hits, trace: explained.trace });
        for (const line of formatExplanation(explained)) printLine(line);
        return;
      }
      const hits = await withService(config, (service) => service.search(request), readOnly);
      if (options.json) return printJson(hits);
      if (hits.length === 0) return printLine('No matching passages.');
      hits.forEach((hit, position) => {
        const heading = hit.headingPath.length > 0 ? ` > ${hit.headingPath.join(' > ')}` : '';
        printLine(`${position + 1}. ${hit.source}${heading}  (score ${hit.score.toFixed(4)})`);
        printLine(`   ${hit.text.replace(/\s+/g, ' ').slice(0, 240)}`);
      });
    });
}
