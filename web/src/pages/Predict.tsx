/** Single prediction: score a customer from the original system's fields (validated against /predict/schema) or by stored id. */
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api';
import { PredictionResult } from '../components/PredictionResult';
import { Async, ErrorBox, Loading } from '../components/states';
import { Card, PageHeader } from '../components/ui';
import { originalExample } from '../example';
import { label } from '../format';
import type { FieldDoc, ModelCard, Prediction } from '../types';
import { useApi } from '../use-api';

type Values = Record<string, string>;

/** The message of a value that breaks the field's rule, or null. */
function check(f: FieldDoc, raw: string): string | null {
  if (raw === '') return f.required ? 'Required by the current model' : null;
  if (f.type !== 'number') return null;
  const v = Number(raw);
  if (!Number.isFinite(v)) return 'Enter a number';
  if (f.minimum !== null && v < f.minimum) return `At least ${f.minimum}`;
  if (f.maximum !== null && v > f.maximum) return `At most ${f.maximum}`;
  return null;
}

/** The JSON value of a form cell (empty = missing, imputed by the model as in training). */
function jsonValue(f: FieldDoc, raw: string): unknown {
  if (raw === '') return undefined;
  if (f.type === 'number') return Number(raw);
  if (f.type === 'boolean') return raw === 'true';
  return raw;
}

export default function Predict() {
  const schema = useApi<{ model_id: string | null; fields: FieldDoc[] }>('/predict/schema');
  const model = useApi<ModelCard>('/model');
  const [values, setValues] = useState<Values>({});
  const [customerId, setCustomerId] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Prediction | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!schema.data) return;
    setValues(
      Object.fromEntries(
        schema.data.fields.map((f) => [f.name, f.name in originalExample ? String(originalExample[f.name]) : '']),
      ),
    );
  }, [schema.data]);

  const run = async (body: Record<string, unknown> | null, id?: string) => {
    setBusy(true);
    setError(null);
    try {
      const p = id
        ? await api<Prediction>(`/customers/${encodeURIComponent(id)}`)
        : await api<Prediction>('/predict', { method: 'POST', body });
      setResult(p);
    } catch (e) {
      setResult(null);
      setError(e instanceof ApiError ? e : new ApiError({ status: 0, title: 'Error', detail: String(e), code: 'CLIENT' }));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = schema.data?.fields ?? [];
    if (fields.some((f) => check(f, values[f.name] ?? '') !== null)) return;
    const body: Record<string, unknown> = { customer_id: 'dashboard-example' };
    for (const f of fields) {
      const v = jsonValue(f, values[f.name] ?? '');
      if (v !== undefined) body[f.name] = v;
    }
    void run(body);
  };

  const serverErrors = new Map((error?.problem.errors ?? []).map((x) => [x.field.replace(/^\//, ''), x.message]));
  return (
    <>
      <PageHeader title="Single prediction">
        Score one customer: look up a stored customer by id, or describe one with the fields below (pre-filled with a typical
        Basic-plan customer). Empty fields are treated as unknown and filled in the way the model learned in training.
      </PageHeader>
      <div className="grid two">
        <Card title="Look up a stored customer" help="Uses the newest data in the store.">
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (customerId.trim()) void run(null, customerId.trim());
            }}
          >
            <label htmlFor="lookup-id">Customer id</label>
            <input id="lookup-id" value={customerId} onChange={(e) => setCustomerId(e.target.value)} placeholder="e.g. C00042" />
            <button type="submit" disabled={busy || !customerId.trim()}>
              Look up
            </button>
          </form>
        </Card>
        <Card title="Model used" help="Predictions come from the current champion model.">
          <Async state={model} what="the model">
            {(m) => (
              <p>
                <strong>{m.model_id}</strong> ({m.family}); customers at or above{' '}
                <strong>{(m.threshold.value * 100).toFixed(1)}%</strong> are flagged.
              </p>
            )}
          </Async>
        </Card>
      </div>
      <Card title="Describe a customer" wide>
        <Async state={schema} what="the input fields">
          {(s) => {
            const primary = s.fields.filter((f) => f.name in originalExample || f.required);
            const rest = s.fields.filter((f) => !(f.name in originalExample) && !f.required);
            const input = (f: FieldDoc) => (
              <FieldInput
                key={f.name}
                f={f}
                value={values[f.name] ?? ''}
                error={check(f, values[f.name] ?? '') ?? serverErrors.get(f.name) ?? null}
                onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))}
              />
            );
            return (
              <form onSubmit={submit} noValidate>
                <div className="fields">{primary.map(input)}</div>
                {rest.length > 0 && (
                  <details className="more">
                    <summary>More fields ({rest.length}, optional)</summary>
                    <div className="fields">{rest.map(input)}</div>
                  </details>
                )}
                <div className="row">
                  <button type="submit" disabled={busy}>
                    {busy ? 'Scoring…' : 'Predict churn'}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      setValues(
                        Object.fromEntries(
                          s.fields.map((f) => [f.name, f.name in originalExample ? String(originalExample[f.name]) : '']),
                        ),
                      )
                    }
                  >
                    Reset example
                  </button>
                </div>
              </form>
            );
          }}
        </Async>
      </Card>
      {busy && <Loading what="the prediction" />}
      {error && <ErrorBox error={error} what="the prediction" />}
      {result && <PredictionResult p={result} threshold={model.data?.threshold.value ?? null} />}
    </>
  );
}

function FieldInput({
  f,
  value,
  error,
  onChange,
}: {
  f: FieldDoc;
  value: string;
  error: string | null;
  onChange: (v: string) => void;
}) {
  const id = `f-${f.name}`;
  const hint = [
    f.unit,
    f.minimum !== null && f.maximum !== null ? `${f.minimum}–${f.maximum}` : f.minimum !== null ? `≥ ${f.minimum}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const common = { id, 'aria-invalid': error !== null, 'aria-describedby': `${id}-help` };
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>
        {label(f.name)}
        {f.required && <span aria-hidden="true"> *</span>}
      </label>
      {f.type === 'category' && f.values ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">(unknown)</option>
          {f.values.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
      ) : f.type === 'boolean' ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">(unknown)</option>
          <option value="true">yes</option>
          <option value="false">no</option>
        </select>
      ) : (
        <input
          {...common}
          inputMode={f.type === 'number' ? 'decimal' : 'text'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <small id={`${id}-help`} className={error ? 'error-text' : 'help'} title={f.description}>
        {error ?? (hint || f.description)}
      </small>
    </div>
  );
}
