import { SignInForm } from './auth/sign-in-form.js';
import { useSession } from './auth/use-session.js';
import { AssistantsPage } from './assistants/assistants-page.js';
import { ChatPage } from './chat/chat-page.js';
import { DocumentsPage } from './documents/documents-page.js';
import { EvaluationsPage } from './evaluations/evaluations-page.js';
import { ReadinessBadge } from './layout/readiness-badge.js';
import { useReadiness } from './layout/use-readiness.js';
import { routeHref, useHashRoute, type Route } from './routing/use-hash-route.js';

/** The app: header (pages, readiness, sign-out), then sign-in or the current page. */
export function App() {
  const route = useHashRoute();
  const readiness = useReadiness();
  const { session, signIn, signOut, retry } = useSession();
  const me = session.status === 'signed-in' ? session.me : undefined;
  const link = (target: Route, label: string) => (
    <a href={routeHref(target)} aria-current={route.page === target.page ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <div className="app">
      <header className="top">
        <a className="brand" href={routeHref({ page: 'chat' })}>
          Andes
        </a>
        {me ? (
          <nav className="pages" aria-label="Pages">
            {link({ page: 'chat' }, 'Chat')}
            {link({ page: 'documents' }, 'Documents')}
            {link({ page: 'assistants' }, 'Assistants')}
            {me.role === 'admin' ? link({ page: 'evaluations' }, 'Evaluations') : null}
          </nav>
        ) : null}
        <ReadinessBadge state={readiness.state} detail={readiness.detail} />
        {me?.authEnabled ? (
          <button type="button" className="link-button" onClick={signOut}>
            Sign out
          </button>
        ) : null}
      </header>
      {session.status === 'checking' ? <p className="pending page">Loading…</p> : null}
      {session.status === 'signed-out' ? <SignInForm onSignIn={signIn} message={session.message} /> : null}
      {session.status === 'failed' ? (
        <main className="page">
          <p className="error" role="alert">
            {session.message}
          </p>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </main>
      ) : null}
      {me ? <CurrentPage route={route} role={me.role} /> : null}
    </div>
  );
}

function CurrentPage({ route, role }: { route: Route; role: 'reader' | 'editor' | 'admin' }) {
  switch (route.page) {
    case 'documents':
      return <DocumentsPage role={role} />;
    case 'assistants':
      return <AssistantsPage role={role} />;
    case 'evaluations':
      return <EvaluationsPage />;
    default:
      return <ChatPage key="chat" conversationId={route.conversationId} />;
  }
}
