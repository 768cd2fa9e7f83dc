import { useState, type FormEvent } from 'react';
import type { Assistant } from '../api/api-types.js';

/** What the form edits: the fields a person sets most; the rest of a version is kept as it was. */
export interface AssistantDraft {
  name: string;
  description: string;
  systemPrompt: string;
  collection: string;
  k: string;
  temperature: string;
}

/** The draft of a new assistant, or of the next version of `assistant`. */
export function draftOf(assistant?: Assistant): AssistantDraft {
  return {
    name: assistant?.name ?? '',
    description: assistant?.description ?? '',
    systemPrompt: assistant?.systemPrompt ?? '',
    collection: assistant?.collections[0] ?? 'default',
    k: assistant?.retrieval.k === undefined ? '' : String(assistant.retrieval.k),
    temperature: assistant?.generation.temperature === undefined ? '' : String(assistant.generation.temperature),
  };
}

/** The definition `POST /api/assistants` and `PUT /api/assistants/:name` take, from a draft over `base`. */
export function definitionOf(draft: AssistantDraft, base?: Assistant): Record<string, unknown> {
  const retrieval = { ...(base?.retrieval ?? {}) };
  const generation = { ...(base?.generation ?? {}) };
  if (draft.k.trim() === '') delete retrieval.k;
  else retrieval.k = Number(draft.k);
  if (draft.temperature.trim() === '') delete generation.temperature;
  else generation.temperature = Number(draft.temperature);
  return {
    description: draft.description,
    systemPrompt: draft.systemPrompt,
    collections: [draft.collection.trim()],
    retrieval,
    generation,
  };
}

/** Props of {@link AssistantForm}. */
export interface AssistantFormProps {
  /** The assistant whose next version this makes; absent to create one. */
  editing?: Assistant | undefined;
  collections: readonly string[];
  onSave: (draft: AssistantDraft) => Promise<void>;
  onCancel: () => void;
}

/** Create an assistant, or make the next version of one (not live until released). */
export function AssistantForm({ editing, collections, onSave, onCancel }: AssistantFormProps) {
  const [draft, setDraft] = useState(() => draftOf(editing));
  const [busy, setBusy] = useState(false);
  const set = (field: keyof AssistantDraft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSave(draft);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel assistant-form" onSubmit={(event) => void submit(event)}>
      <h2>{editing ? `New version of ${editing.name}` : 'New assistant'}</h2>
      <label htmlFor="assistant-name">Name</label>
      <input id="assistant-name" value={draft.name} onChange={set('name')} disabled={editing !== undefined} required />
      <label htmlFor="assistant-description">Description</label>
      <input id="assistant-description" value={draft.description} onChange={set('description')} />
      <label htmlFor="assistant-prompt">System prompt</label>
      <textarea id="assistant-prompt" rows={4} value={draft.systemPrompt} onChange={set('systemPrompt')} />
      <label htmlFor="assistant-collection">Collection</label>
      <input
        id="assistant-collection"
        list="assistant-collections"
        value={draft.collection}
        onChange={set('collection')}
        required
      />
      <datalist id="assistant-collections">
        {collections.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <label htmlFor="assistant-k">Sources per answer (k)</label>
      <input id="assistant-k" type="number" min={1} max={100} value={draft.k} onChange={set('k')} />
      <label htmlFor="assistant-temperature">Temperature</label>
      <input
        id="assistant-temperature"
        type="number"
        min={0}
        max={2}
        step={0.1}
        value={draft.temperature}
        onChange={set('temperature')}
      />
      <div className="row">
        <button type="submit" disabled={busy}>
          {editing ? 'Save version' : 'Create assistant'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
