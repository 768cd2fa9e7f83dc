import { Command } from 'commander';
import { AndesError } from '@andes-rag/core';
import { configFromOptions, withStoreOptions, type CommonOptions } from '../common-options.js';
import { printJson, printLine } from '../output/print.js';
import { withService } from './with-service.js';

/** `andes documents` lists a collection's documents; `andes delete ID` removes one from every index. */
export function documentsCommands(): Command[] {
  const list = withStoreOptions(new Command('documents'))
    .description("list a collection's documents")
    .option('--json', 'print JSON')
    .action(async (options: CommonOptions & { json?: boolean }) => {
      const documents = await withService(
        configFromOptions(options),
        (service) => service.listDocuments(options.collection),
        { readOnly: true },
      );
      if (options.json) return printJson(documents);
      for (const document of documents) {
        const tags = document.tags && document.tags.length > 0 ? `\t[${document.tags.join(', ')}]` : '';
        printLine(`${document.id}\t${document.chunkCount} chunks\t${document.source}${tags}`);
      }
    });
  const remove = withStoreOptions(new Command('delete'))
    .description('delete a document (by id, as `andes documents` lists it) from every index')
    .argument('<documentId>', 'the document id')
    .action(async (documentId: string, options: CommonOptions) => {
      const deleted = await withService(configFromOptions(options), (service) =>
        service.deleteDocument(options.collection, documentId),
      );
      if (!deleted) throw new AndesError('not_found', `No document ${documentId} in collection ${options.collection}`);
      printLine(`Deleted ${documentId}.`);
    });
  return [list, remove];
}
