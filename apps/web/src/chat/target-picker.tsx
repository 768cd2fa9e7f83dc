import type { Assistant, Collection } from '../api/api-types.js';
import { parseTargetValue, targetValue, type ChatTarget } from './chat-target.js';

/** Props of {@link TargetPicker}. */
export interface TargetPickerProps {
  value: ChatTarget;
  collections: readonly Collection[];
  assistants: readonly Assistant[];
  onChange: (target: ChatTarget) => void;
}

/** The combobox "Assistant or collection": choosing another one starts a new chat with it. */
export function TargetPicker({ value, collections, assistants, onChange }: TargetPickerProps) {
  const current = targetValue(value);
  const known = [
    ...assistants.map((assistant) => targetValue({ kind: 'assistant', name: assistant.name })),
    ...collections.map((collection) => targetValue({ kind: 'collection', name: collection.name })),
  ];
  return (
    <div className="target-picker">
      <label htmlFor="chat-target">Assistant or collection</label>
      <select id="chat-target" value={current} onChange={(event) => onChange(parseTargetValue(event.target.value))}>
        {known.includes(current) ? null : <option value={current}>{value.name}</option>}
        {assistants.length > 0 ? (
          <optgroup label="Assistants">
            {assistants.map((assistant) => (
              <option key={assistant.name} value={targetValue({ kind: 'assistant', name: assistant.name })}>
                {assistant.name} (assistant)
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label="Collections">
          {collections.map((collection) => (
            <option key={collection.name} value={targetValue({ kind: 'collection', name: collection.name })}>
              {collection.name} (collection)
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
