import type { Citation } from '../api/api-types.js';

/** A message as the chat shows it: stored, or still arriving. */
export interface ChatMessage {
  /** The stored id, or a local one until the answer is stored. */
  id: string;
  role: 'user' | 'assistant';
  content: string;
  citations: Citation[];
  mode?: 'generative' | 'extractive';
  /** `streaming` while tokens arrive; `stopped` after Stop (kept on this page only); `failed` with `error`. */
  status: 'done' | 'streaming' | 'stopped' | 'failed';
  error?: string;
  /** The rating given to a stored answer. */
  feedback?: 'up' | 'down';
}
