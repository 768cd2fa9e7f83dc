import { Command } from 'commander';
import { AndesError, type CollectionInfo } from '@andes-rag/core';
import { configFromOptions, withStoreOptions, type CommonOptions } from '../common-options.js';
import { printJson, printLine } from '../output/print.js';
import { withService } from './with-service.js';

type ListOptions = CommonOptions & { json?: boolean };

/**
 * `andes collections [list]`: collections with their document and chunk counts and their chunk size;
 * `andes collections rename OLD NEW`: renames one (its documents, indexes, key scopes, assistants and conversations
 * follow); `andes collections delete NAME --yes`: deletes one with its documents and indexes, asking nothing, so
 * `--yes` is required.
 */
export function collectionsCommand(): Command {
  const command = new Command('collections').description('list, rename or delete collections');
  command.addCommand(
    withStoreOptions(new Command('list'))
      .description('list collections (the default)')
      .option('--json', 'print JSON')
      .action(async (options: ListOptions) => {
        const collections = await withService(configFromOptions(options), (service) => service.listCollections(), {
          readOnly: true,
        });
        printCollections(collections, options.json ?? false);
      }),
    { isDefault: true },
  );
  command.addCommand(
    withStoreOptions(new Command('rename'))
      .description('rename a collection; its documents, indexes, key scopes, assistants and conversations follow')
      .argument('<name>', 'the collection to rename')
      .argument('<newName>', 'its new name')
      .option('--json', 'print the renamed collection as JSON')
      .action(async (name: string, newName: string, options: ListOptions) => {
        const renamed = await withService(configFromOptions(options), (service) =>
          service.renameCollection(name, newName),
        );
        if (options.json) printJson(renamed);
        else printLine(`Renamed ${name} to ${renamed.name}.`);
      }),
  );
  command.addCommand(
    withStoreOptions(new Command('delete'))
      .description('delete a collection with its documents and indexes (needs --yes)')
      .argument('<name>', 'the collection to delete')
      .option('--yes', 'really delete it: nothing is asked')
      .action(async (name: string, options: CommonOptions & { yes?: boolean }) => {
        if (!options.yes) {
          throw new AndesError(
            'invalid_request',
            `Deleting ${name} removes its documents for good: run again with --yes to confirm.`,
          );
        }
        await withService(configFromOptions(options), (service) => service.deleteCollection(name));
        printLine(`Deleted collection ${name}.`);
      }),
  );
  return command;
}

function printCollections(collections: CollectionInfo[], json: boolean): void {
  if (json) return printJson(collections);
  if (collections.length === 0) return printLine('No collections yet: run `andes ingest PATH`.');
  for (const collection of collections) {
    const size = collection.chunkSize === undefined ? '' : `\t${collection.chunkSize} words per chunk`;
    printLine(`${collection.name}\t${collection.documentCount} documents\t${collection.chunkCount} chunks${size}`);
  }
}
