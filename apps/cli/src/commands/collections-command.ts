import { Command } from 'commander';
import { configFromOptions, withCommonOptions, type CommonOptions } from '../common-options.js';
import { printJson, printLine } from '../output/print.js';
import { withService } from './with-service.js';

/** `andes collections`: lists collections with their document and chunk counts and their chunk size. */
export function collectionsCommand(): Command {
  return withCommonOptions(new Command('collections'))
    .description('list collections')
    .option('--json', 'print JSON')
    .action(async (options: CommonOptions & { json?: boolean }) => {
      const collections = await withService(configFromOptions(options), (service) => service.listCollections());
      if (options.json) return printJson(collections);
      if (collections.length === 0) return printLine('No collections yet: run `andes ingest PATH`.');
      for (const collection of collections) {
        const size = collection.chunkSize === undefined ? '' : `\t${collection.chunkSize} words per chunk`;
        printLine(`${collection.name}\t${collection.documentCount} documents\t${collection.chunkCount} chunks${size}`);
      }
    });
}
