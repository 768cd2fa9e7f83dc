import { useState, type FormEvent, type KeyboardEvent } from 'react';

/** Props of {@link Composer}. */
export interface ComposerProps {
  /** True while an answer streams: Send waits, Stop is offered. */
  streaming: boolean;
  disabled?: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
}

/** The message box: Enter sends, Shift+Enter breaks the line; Stop while an answer streams. */
export function Composer({ streaming, disabled = false, onSend, onStop }: ComposerProps) {
  const [text, setText] = useState('');
  const send = () => {
    const message = text.trim();
    if (message === '' || streaming || disabled) return;
    onSend(message);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  return (
    <form className="composer" onSubmit={onSubmit}>
      <label htmlFor="message" className="visually-hidden">
        Message
      </label>
      <textarea
        id="message"
        rows={2}
        maxLength={4000}
        placeholder="Ask about your documents (Enter sends, Shift+Enter breaks the line)"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="composer-actions">
        {streaming ? (
          <button type="button" className="secondary" onClick={onStop}>
            Stop
          </button>
        ) : null}
        <button type="submit" disabled={streaming || disabled || text.trim() === ''}>
          Send
        </button>
      </div>
    </form>
  );
}
