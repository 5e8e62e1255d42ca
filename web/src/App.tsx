/** The dashboard shell: header with navigation, API-key handling, and the current page. */
import { Suspense, useEffect, useState } from 'react';
import { apiKey, onAuthRequired } from './api';
import { KeyDialog } from './components/KeyDialog';
import { ErrorBox, Loading } from './components/states';
import { currentPath, pages } from './routes';
import type { Health } from './types';
import { useApi } from './use-api';

export function App() {
  const [path, setPath] = useState(currentPath);
  const [menuOpen, setMenuOpen] = useState(false);
  const [askKey, setAskKey] = useState(false);
  const [keyVersion, setKeyVersion] = useState(0);
  const health = useApi<Health>('/health');
  useEffect(() => {
    const onHash = () => {
      setPath(currentPath());
      setMenuOpen(false);
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => onAuthRequired(() => setAskKey(true)), []);
  useEffect(() => {
    // Ask for a key up front when the server needs one and none was entered this session.
    if (health.data && !health.data.demo && apiKey.get() === '') setAskKey(true);
  }, [health.data]);
  const page = pages.find((p) => p.path === path);
  const Page = page?.component;
  useEffect(() => {
    document.title = page ? `${page.title} · churnlab` : 'churnlab';
  }, [page]);
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href="#/">
          <span className="logo" aria-hidden="true">
            ◔
          </span>{' '}
          churnlab
        </a>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          Menu
        </button>
        <nav id="nav" className={menuOpen ? 'open' : ''} aria-label="Pages">
          {pages.map((p) => (
            <a key={p.path} href={`#${p.path}`} aria-current={p.path === path ? 'page' : undefined}>
              {p.title}
            </a>
          ))}
        </nav>
        <div className="session">
          {health.data?.demo ? (
            <span className="pill" title="The server runs with --demo: no API key needed">
              demo mode
            </span>
          ) : (
            <button type="button" className="key-button" onClick={() => setAskKey(true)}>
              {apiKey.get() ? 'API key ✓' : 'Enter API key'}
            </button>
          )}
          {health.data && (
            <span className={`dot ${health.data.status}`} title={`Server ${health.data.status}, store ${health.data.store}`}>
              <span className="sr-only">Server {health.data.status}</span>
            </span>
          )}
        </div>
      </header>
      {askKey && (
        <KeyDialog
          onDone={() => {
            setAskKey(false);
            setKeyVersion((v) => v + 1);
          }}
        />
      )}
      <main id="main" tabIndex={-1}>
        {health.error && health.error.status === 0 && (
          <ErrorBox error={health.error} retry={health.reload} what="the server status" />
        )}
        {Page ? (
          <Suspense fallback={<Loading what="page" />}>
            <Page key={keyVersion} />
          </Suspense>
        ) : (
          <div className="state empty">
            <strong>No such page</strong>
            <p>
              <a href="#/">Back to the overview</a>
            </p>
          </div>
        )}
      </main>
      <footer className="footer">
        churnlab · model {health.data?.model?.id ?? '—'} · <a href="/docs">API docs</a>
      </footer>
    </div>
  );
}
