import { useCallback, useEffect, useState } from 'react';
import { getJson, segment, sendJson } from '../api/api-client.js';
import { describeError } from '../api/api-error.js';
import type { Assistant, AssistantVersion, Collection } from '../api/api-types.js';
import { AssistantForm, definitionOf, type AssistantDraft } from './assistant-form.js';

const fetchLists = () =>
  Promise.all([
    getJson<{ assistants: Assistant[] }>('/api/assistants').then((result) => result.assistants),
    getJson<{ collections: Collection[] }>('/api/collections').then((result) =>
      result.collections.map((collection) => collection.name),
    ),
  ]);

/**
 * Assistants: each with its live and latest version; its versions listed with Release (a rollback when older);
 * create and edit (a new version) for admins.
 */
export function AssistantsPage({ role }: { role: 'reader' | 'editor' | 'admin' }) {
  const [assistants, setAssistants] = useState<Assistant[]>([]);
  const [collections, setCollections] = useState<string[]>([]);
  const [versions, setVersions] = useState<Record<string, AssistantVersion[]>>({});
  const [editing, setEditing] = useState<Assistant | 'new' | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const mayManage = role === 'admin';

  const load = useCallback(async () => {
    try {
      const [assistantList, collectionList] = await fetchLists();
      setAssistants(assistantList);
      setCollections(collectionList);
    } catch (error) {
      setProblem(describeError(error));
    }
  }, []);
  useEffect(() => {
    fetchLists().then(
      ([assistantList, collectionList]) => {
        setAssistants(assistantList);
        setCollections(collectionList);
      },
      (error: unknown) => setProblem(describeError(error)),
    );
  }, []);

  const showVersions = async (name: string) => {
    try {
      const list = (await getJson<{ versions: AssistantVersion[] }>(`/api/assistants/${segment(name)}/versions`))
        .versions;
      setVersions((current) => ({ ...current, [name]: list }));
    } catch (error) {
      setProblem(describeError(error));
    }
  };
  const release = async (name: string, version: number) => {
    try {
      await sendJson('POST', `/api/assistants/${segment(name)}/release`, { version });
      await load();
    } catch (error) {
      setProblem(describeError(error));
    }
  };
  const save = async (draft: AssistantDraft) => {
    const base = editing === 'new' ? undefined : editing;
    try {
      if (base === undefined)
        await sendJson('POST', '/api/assistants', { name: draft.name.trim(), ...definitionOf(draft) });
      else await sendJson('PUT', `/api/assistants/${segment(base.name)}`, definitionOf(draft, base));
      setEditing(undefined);
      setProblem(undefined);
      await load();
      if (base !== undefined) await showVersions(base.name);
    } catch (error) {
      setProblem(describeError(error));
    }
  };

  return (
    <main className="page assistants-page">
      <h1>Assistants</h1>
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      {mayManage && editing === undefined ? (
        <button type="button" onClick={() => setEditing('new')}>
          New assistant
        </button>
      ) : null}
      {editing !== undefined ? (
        <AssistantForm
          editing={editing === 'new' ? undefined : editing}
          collections={collections}
          onSave={save}
          onCancel={() => setEditing(undefined)}
        />
      ) : null}
      {assistants.length === 0 ? <p className="hint">No assistants yet.</p> : null}
      <ul className="assistants">
        {assistants.map((assistant) => (
          <li key={assistant.name} className="panel">
            <h2>{assistant.name}</h2>
            <p>{assistant.description}</p>
            <p className="facts">
              live version {assistant.liveVersion} of {assistant.latestVersion} · collection{' '}
              {assistant.collections.join(', ')}
            </p>
            <div className="row">
              <button type="button" className="secondary" onClick={() => void showVersions(assistant.name)}>
                Versions of {assistant.name}
              </button>
              {mayManage ? (
                <button type="button" className="secondary" onClick={() => setEditing(assistant)}>
                  Edit {assistant.name}
                </button>
              ) : null}
            </div>
            {versions[assistant.name] ? (
              <ol className="versions" aria-label={`Versions of ${assistant.name}`}>
                {versions[assistant.name]?.map((version) => (
                  <li key={version.version}>
                    <span>
                      version {version.version} · {new Date(version.createdAt).toLocaleString()}
                      {version.version === assistant.liveVersion ? ' · live' : ''}
                    </span>
                    {mayManage && version.version !== assistant.liveVersion ? (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => void release(assistant.name, version.version)}
                      >
                        {version.version < assistant.liveVersion ? 'Roll back to' : 'Release'} version {version.version}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ul>
    </main>
  );
}
