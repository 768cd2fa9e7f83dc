import { useCallback, useEffect, useState } from 'react';
import { deleteResource, getJson, segment, sendJson } from '../api/api-client.js';
import { describeError } from '../api/api-error.js';
import type { Collection } from '../api/api-types.js';
import { DocumentList } from './document-list.js';
import { UploadPanel } from './upload-panel.js';

const fetchCollections = async () => (await getJson<{ collections: Collection[] }>('/api/collections')).collections;

/**
 * Collections and their documents: choose, create (a name; it is stored with its first upload), rename and delete
 * a collection; upload and delete documents. Editors and admins only see the controls that change anything.
 */
export function DocumentsPage({ role }: { role: 'reader' | 'editor' | 'admin' }) {
  const [collections, setCollections] = useState<Collection[]>([]);
  const [selected, setSelected] = useState<string | undefined>();
  const [newName, setNewName] = useState('');
  const [version, setVersion] = useState(0);
  const [problem, setProblem] = useState<string | undefined>();
  const mayWrite = role !== 'reader';

  const apply = useCallback((list: Collection[], select?: string) => {
    setCollections(list);
    setSelected((current) => select ?? current ?? list[0]?.name ?? 'default');
  }, []);
  const load = useCallback(
    async (select?: string) => {
      try {
        apply(await fetchCollections(), select);
      } catch (error) {
        setProblem(describeError(error));
      }
    },
    [apply],
  );
  useEffect(() => {
    fetchCollections().then(apply, (error: unknown) => setProblem(describeError(error)));
  }, [apply]);

  const create = () => {
    const name = newName.trim();
    if (name === '' || name.length > 128) {
      setProblem('A collection name has 1 to 128 characters.');
      return;
    }
    setProblem(undefined);
    if (!collections.some((collection) => collection.name === name)) setCollections((list) => [...list, { name }]);
    setSelected(name);
    setNewName('');
  };
  const rename = async () => {
    if (selected === undefined) return;
    const name = window.prompt(`Rename ${selected} to:`, selected)?.trim();
    if (!name || name === selected) return;
    try {
      await sendJson('PATCH', `/api/collections/${segment(selected)}`, { name });
      await load(name);
    } catch (error) {
      setProblem(describeError(error));
    }
  };
  const remove = async () => {
    if (selected === undefined) return;
    if (!window.confirm(`Delete the collection ${selected} and every document in it?`)) return;
    try {
      await deleteResource(`/api/collections/${segment(selected)}`);
      setSelected(undefined);
      await load();
    } catch (error) {
      setProblem(describeError(error));
    }
  };

  return (
    <main className="page documents-page">
      <h1>Documents</h1>
      <section className="panel" aria-labelledby="collections-heading">
        <h2 id="collections-heading">Collection</h2>
        <div className="row">
          <label htmlFor="collection">Collection</label>
          <select id="collection" value={selected ?? ''} onChange={(event) => setSelected(event.target.value)}>
            {collections.map((collection) => (
              <option key={collection.name} value={collection.name}>
                {collection.name}
                {collection.documentCount === undefined ? ' (new)' : ` (${collection.documentCount} documents)`}
              </option>
            ))}
          </select>
          {mayWrite ? (
            <>
              <button type="button" className="secondary" onClick={() => void rename()}>
                Rename collection
              </button>
              <button type="button" className="secondary danger" onClick={() => void remove()}>
                Delete collection
              </button>
            </>
          ) : null}
        </div>
        {mayWrite ? (
          <form
            className="row"
            onSubmit={(event) => {
              event.preventDefault();
              create();
            }}
          >
            <label htmlFor="new-collection">New collection</label>
            <input
              id="new-collection"
              value={newName}
              maxLength={128}
              onChange={(event) => setNewName(event.target.value)}
            />
            <button type="submit">Create</button>
          </form>
        ) : null}
        {problem ? (
          <p className="error" role="alert">
            {problem}
          </p>
        ) : null}
      </section>
      {selected !== undefined && mayWrite ? (
        <UploadPanel
          collection={selected}
          onUploaded={() => {
            setVersion((value) => value + 1);
            void load();
          }}
        />
      ) : null}
      {selected !== undefined ? (
        <DocumentList
          collection={selected}
          version={version}
          mayDelete={mayWrite}
          onChanged={() => {
            setVersion((value) => value + 1);
            void load();
          }}
        />
      ) : null}
    </main>
  );
}
