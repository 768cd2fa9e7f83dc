import { useRef, useState, type DragEvent } from 'react';
import { describeError } from '../api/api-error.js';
import { uploadFile } from '../api/upload-files.js';
import { formatBytes } from './format-bytes.js';

/** The server's default upload limit per file (`ANDES_MAX_UPLOAD_BYTES`, 25 MiB); larger files are refused here first. */
export const maxUploadBytes = 25 * 1024 * 1024;

interface UploadItem {
  key: string;
  name: string;
  size: number;
  progress: number;
  status: 'waiting' | 'uploading' | 'stored' | 'unchanged' | 'failed';
  message?: string;
}

/** Props of {@link UploadPanel}. */
export interface UploadPanelProps {
  collection: string;
  /** Called after each upload batch, so the document list is reloaded. */
  onUploaded: () => void;
}

let uploadKeys = 0;

/**
 * Upload by file picker or drag and drop, with tags and access: each file gets its own progress bar and result;
 * a file over the size limit is refused in the browser, by name, before anything is sent.
 */
export function UploadPanel({ collection, onUploaded }: UploadPanelProps) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [tags, setTags] = useState('');
  const [access, setAccess] = useState('');
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const update = (key: string, change: Partial<UploadItem>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const upload = async (files: File[]) => {
    const batch = files.map((file) => ({ file, key: `upload-${++uploadKeys}` }));
    setItems((list) => [
      ...batch.map(({ file, key }): UploadItem => {
        const tooLarge = file.size > maxUploadBytes;
        return {
          key,
          name: file.name,
          size: file.size,
          progress: 0,
          status: tooLarge ? 'failed' : 'waiting',
          ...(tooLarge
            ? { message: `${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(maxUploadBytes)}.` }
            : {}),
        };
      }),
      ...list,
    ]);
    for (const { file, key } of batch) {
      if (file.size > maxUploadBytes) continue;
      update(key, { status: 'uploading' });
      try {
        const result = await uploadFile(file, {
          collection,
          tags,
          access,
          onProgress: (progress) => update(key, { progress }),
        });
        update(key, {
          progress: 1,
          status: result.status === 'unchanged' ? 'unchanged' : result.status === 'failed' ? 'failed' : 'stored',
          ...(result.error ? { message: result.error.message } : {}),
        });
      } catch (error) {
        update(key, { status: 'failed', message: `${file.name}: ${describeError(error)}` });
      }
    }
    if (inputRef.current) inputRef.current.value = '';
    onUploaded();
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void upload([...event.dataTransfer.files]);
  };

  return (
    <section className="panel" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload to {collection}</h2>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor="upload-files">Choose files</label>
        <input
          id="upload-files"
          ref={inputRef}
          type="file"
          multiple
          accept=".md,.markdown,.txt,.html,.htm,.pdf,.docx,.csv,.rst"
          onChange={(event) => void upload([...(event.target.files ?? [])])}
        />
        <p className="hint">or drop files here (at most {formatBytes(maxUploadBytes)} each)</p>
      </div>
      <div className="row">
        <label htmlFor="upload-tags">Tags</label>
        <input
          id="upload-tags"
          value={tags}
          placeholder="policy, 2026"
          onChange={(event) => setTags(event.target.value)}
        />
        <label htmlFor="upload-access">Access</label>
        <input
          id="upload-access"
          value={access}
          placeholder="everyone, or group:hr"
          onChange={(event) => setAccess(event.target.value)}
        />
      </div>
      <ul className="uploads" aria-label="Uploads" aria-live="polite">
        {items.map((item) => (
          <li key={item.key} className={`upload upload-${item.status}`}>
            <span className="upload-name">{item.name}</span>
            <progress max={1} value={item.progress} aria-label={`Upload progress ${item.name}`} />
            <span className="upload-status">{item.status}</span>
            {item.message ? <span className="upload-message">{item.message}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
