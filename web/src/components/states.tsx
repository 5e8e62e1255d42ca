/** The loading, empty and error states every page shows, and a wrapper that picks one. */
import type { ReactNode } from 'react';
import type { ApiError } from '../api';
import type { Loaded } from '../use-api';

/** A spinner with what is loading. */
export function Loading({ what = 'data' }: { what?: string }) {
  return (
    <div className="state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </div>
  );
}

/** Nothing to show yet, and what would make it appear. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state empty">
      <strong>{title}</strong>
      {children && <p>{children}</p>}
    </div>
  );
}

/** A server or network error with its code and a retry. A 404 on a route means the server has no such feature yet. */
export function ErrorBox({ error, retry, what }: { error: ApiError; retry?: () => void; what?: string }) {
  const missingRoute = error.status === 404 && error.problem.code === 'CHURN_ERR_NOT_FOUND' && /No route/.test(error.message);
  // "Not computed yet" is an empty state, not an error: e.g. "No drift run yet: run `churn monitor` first" (404),
  // "No batch scores yet: run `churn score` first" (409 CHURN_ERR_NO_DATA).
  const notYet =
    (error.status === 404 && !missingRoute && error.problem.code === 'CHURN_ERR_NOT_FOUND') ||
    error.problem.code === 'CHURN_ERR_NO_DATA';
  if (notYet) return <Empty title={`Nothing to show for ${what ?? 'this'} yet`}>{error.message}</Empty>;
  return (
    <div className="state error" role="alert">
      <strong>
        {missingRoute ? `${what ?? 'This data'} is not available on this server yet` : `Could not load ${what ?? 'data'}`}
      </strong>
      <p>
        {missingRoute
          ? 'The server does not offer this endpoint (older churnlab version or the feature is not enabled).'
          : error.message}
      </p>
      {error.problem.code && <code className="code">{error.problem.code}</code>}
      {retry && (
        <button type="button" className="secondary" onClick={retry}>
          Retry
        </button>
      )}
    </div>
  );
}

/**
 * Renders `children(data)` once loaded, else the loading or error state. With `keepStale`, data already shown stays on
 * screen while a new request for it runs (a slider or filter change), under an "Updating" status, instead of
 * blinking to a spinner.
 */
export function Async<T>({
  state,
  what,
  keepStale = false,
  children,
}: {
  state: Loaded<T>;
  what: string;
  keepStale?: boolean;
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorBox error={state.error} retry={state.reload} what={what} />;
  if (state.data === null || (state.loading && !keepStale)) return <Loading what={what} />;
  if (!state.loading) return <>{children(state.data)}</>;
  return (
    <div aria-busy="true">
      <div className="state loading updating" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" /> Updating {what}…
      </div>
      {children(state.data)}
    </div>
  );
}
