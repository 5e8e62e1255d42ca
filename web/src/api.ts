/** The dashboard's only way to the server: same-origin fetch with the session's API key and problem+json errors. */

const KEY = 'churnlab.apiKey';

/** The API key kept for this browser session (sessionStorage), or '' when none was entered. */
export const apiKey = {
  get: (): string => sessionStorage.getItem(KEY) ?? '',
  set: (key: string) => sessionStorage.setItem(KEY, key.trim()),
  clear: () => sessionStorage.removeItem(KEY),
};

/** An RFC 9457 problem as the server sends it. */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  code: string;
  errors?: { field: string; rule: string; message: string; row?: number }[];
}

/** A failed call: the problem the server sent, or one made up for network failures. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
}

/** Listeners told when the server refuses the key (401), so the shell can ask for one. */
const authListeners = new Set<() => void>();
export const onAuthRequired = (fn: () => void) => {
  authListeners.add(fn);
  return () => {
    authListeners.delete(fn);
  };
};

/** Calls the API. `body` is sent as JSON unless it is FormData. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const key = apiKey.get();
  if (key) headers['x-api-key'] = key;
  let body: BodyInit | undefined;
  if (init.body instanceof FormData) body = init.body;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(path, { method: init.method ?? 'GET', headers, body, signal: init.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError({
      status: 0,
      title: 'Network error',
      detail: 'The server did not answer. Is `churn serve` running?',
      code: 'NETWORK',
    });
  }
  const text = await res.text();
  if (!res.ok) {
    let problem: Problem = { status: res.status, title: res.statusText, detail: text.slice(0, 300), code: 'HTTP' };
    try {
      problem = { ...problem, ...(JSON.parse(text) as Partial<Problem>) };
    } catch {
      /* not problem+json */
    }
    if (res.status === 401) for (const fn of authListeners) fn();
    throw new ApiError(problem);
  }
  return (text ? JSON.parse(text) : null) as T;
}

/** Downloads a server file (CSV) with the key header and saves it under `name`. */
export async function download(path: string, name: string): Promise<void> {
  const key = apiKey.get();
  const res = await fetch(path, { headers: key ? { 'x-api-key': key } : {} });
  if (!res.ok) throw new ApiError({ status: res.status, title: res.statusText, detail: await res.text(), code: 'HTTP' });
  saveBlob(await res.blob(), name);
}

/** Saves a blob as a file download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
