import { useState, type FormEvent } from 'react';

/** Props of {@link SignInForm}. */
export interface SignInFormProps {
  onSignIn: (key: string) => Promise<void>;
  /** Why sign-in is asked for again (a refused key). */
  message?: string | undefined;
}

/** Asks for an API key; the key is kept for this browser tab only. */
export function SignInForm({ onSignIn, message }: SignInFormProps) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (key.trim() === '') return;
    setBusy(true);
    try {
      await onSignIn(key.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="sign-in">
      <h1>Sign in to Andes</h1>
      <p>This server asks for an API key. It is kept for this browser tab only.</p>
      {message ? (
        <p className="error" role="alert">
          {message}
        </p>
      ) : null}
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          value={key}
          onChange={(event) => setKey(event.target.value)}
          required
        />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
