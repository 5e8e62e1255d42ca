/** Asks for the API key once; it is kept in sessionStorage until the tab closes. */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { apiKey } from '../api';

export function KeyDialog({ onDone }: { onDone: () => void }) {
  const [value, setValue] = useState(apiKey.get());
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) apiKey.set(value);
    else apiKey.clear();
    onDone();
  };
  return (
    <div className="overlay">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="key-title" onSubmit={submit}>
        <h2 id="key-title">API key</h2>
        <p className="help">
          This server needs an API key (ask your churnlab administrator, or run <code>churn keys create</code>). It is kept only
          for this browser tab. Promoting models needs a key with the <em>admin</em> scope.
        </p>
        <label htmlFor="api-key">Key</label>
        <input
          id="api-key"
          ref={input}
          type="password"
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <div className="row">
          <button type="submit">Save for this session</button>
          <button type="button" className="secondary" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
