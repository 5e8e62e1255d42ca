/** Batch scoring: drop a CSV → asynchronous job with progress → sortable, filterable preview → download; rejected rows listed. */
import { type DragEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, apiKey, download, saveBlob } from '../api';
import { ErrorBox, Loading } from '../components/states';
import { Bucket, Card, PageHeader, Stat } from '../components/ui';
import { csvLine, csvObjects } from '../csv';
import { originalExample } from '../example';
import { count, pct } from '../format';
import type { FieldDoc, JobStatus } from '../types';
import { useApi } from '../use-api';

interface Scored {
  customer_id: string;
  probability: number;
  prediction: string;
  risk_bucket: string;
}

const fetchText = async (path: string) => {
  const key = apiKey.get();
  const res = await fetch(path, { headers: key ? { 'x-api-key': key } : {} });
  if (!res.ok) throw new ApiError({ status: res.status, title: res.statusText, detail: await res.text(), code: 'HTTP' });
  return res.text();
};

export default function Batch() {
  const schema = useApi<{ fields: FieldDoc[] }>('/predict/schema');
  const [job, setJob] = useState<JobStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [over, setOver] = useState(false);
  const [rows, setRows] = useState<Scored[] | null>(null);
  const [rejected, setRejected] = useState<Record<string, string>[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  const upload = async (file: File) => {
    setError(null);
    setRows(null);
    setRejected([]);
    setJob(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      setJob(await api<JobStatus>('/jobs/score', { method: 'POST', body: form }));
    } catch (e) {
      setError(e as ApiError);
    }
  };

  useEffect(() => {
    if (!job || job.state === 'done' || job.state === 'failed') return;
    const timer = setTimeout(() => {
      api<JobStatus>(`/jobs/${job.id}`).then(setJob, (e: ApiError) => setError(e));
    }, 400);
    return () => clearTimeout(timer);
  }, [job]);

  useEffect(() => {
    if (job?.state !== 'done') return;
    fetchText(`/jobs/${job.id}/result`).then(
      (text) =>
        setRows(
          csvObjects(text).map((r) => ({
            customer_id: r.customer_id,
            probability: Number(r.probability),
            prediction: r.prediction,
            risk_bucket: r.risk_bucket,
          })),
        ),
      (e: ApiError) => setError(e),
    );
    if (job.rowsRejected > 0)
      fetchText(`/jobs/${job.id}/errors`).then(
        (t) => setRejected(csvObjects(t)),
        (e: ApiError) => setError(e),
      );
  }, [job?.state, job?.id, job?.rowsRejected]);

  const template = () => {
    const fields = schema.data?.fields ?? [];
    const names = ['customer_id', ...fields.filter((f) => f.name in originalExample).map((f) => f.name)];
    const example = names.map((n) => (n === 'customer_id' ? 'crm-0001' : originalExample[n]));
    saveBlob(new Blob([`${csvLine(names)}\n${csvLine(example)}\n`], { type: 'text/csv' }), 'churnlab-template.csv');
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) void upload(f);
  };

  const running = job !== null && (job.state === 'queued' || job.state === 'running');
  return (
    <>
      <PageHeader title="Batch scoring">
        Score many customers at once from a CSV file (one customer per row, columns named like the API fields — download the
        template to start). Rows that cannot be scored are listed with their line number and the reason; nothing is dropped
        silently.
      </PageHeader>
      <Card title="Upload a CSV" wide>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the buttons below are the keyboard path */}
        <div
          className={over ? 'dropzone over' : 'dropzone'}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <p>Drag and drop a .csv file here, or</p>
          <label htmlFor="csv-file" className="sr-only">
            CSV file to score
          </label>
          <input
            id="csv-file"
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            className="sr-only"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void upload(f);
              e.target.value = '';
            }}
          />
          <div className="row" style={{ justifyContent: 'center' }}>
            <button type="button" onClick={() => fileInput.current?.click()} disabled={running}>
              Choose a CSV file
            </button>
            <button type="button" className="secondary" onClick={template} disabled={!schema.data}>
              Download template CSV
            </button>
          </div>
        </div>
        {error && <ErrorBox error={error} what="the scoring job" />}
        {job && <JobProgress job={job} />}
      </Card>
      {job?.state === 'done' && rows === null && !error && <Loading what="scored rows" />}
      {job?.state === 'done' && rows !== null && <Preview job={job} rows={rows} />}
      {rejected.length > 0 && (
        <Card title={`Rejected rows (${rejected.length})`} wide help="Fix these rows in your file and upload it again.">
          <div className="table-wrap">
            <table className="table compact" data-testid="rejected">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Line
                  </th>
                  <th scope="col">Field</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {rejected.slice(0, 200).map((r) => (
                  <tr key={`${r.line}-${r.field}`}>
                    <td className="num">{r.line}</td>
                    <td>{r.field || '—'}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {job && (
            <button
              type="button"
              className="secondary"
              onClick={() => void download(`/jobs/${job.id}/errors`, `${job.id}-errors.csv`)}
            >
              Download rejected rows
            </button>
          )}
        </Card>
      )}
    </>
  );
}

function JobProgress({ job }: { job: JobStatus }) {
  const p = job.state === 'done' ? 1 : job.progress;
  return (
    <div className="job" data-testid="job" data-state={job.state}>
      <div
        className="progress"
        role="progressbar"
        aria-label="Scoring progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(p * 100)}
      >
        <span style={{ width: `${p * 100}%` }} />
      </div>
      <p>
        Job <code>{job.id}</code>: <strong>{job.state}</strong> · {count(job.rowsScored)} scored · {count(job.rowsRejected)}{' '}
        rejected
        {job.modelId && <span className="muted"> · model {job.modelId}</span>}
      </p>
      {job.error && (
        <div className="state error" role="alert">
          <strong>The job failed</strong>
          <p>{job.error.message}</p>
          <code className="code">{job.error.code}</code>
        </div>
      )}
    </div>
  );
}

function Preview({ job, rows }: { job: JobStatus; rows: Scored[] }) {
  const [bucket, setBucket] = useState('');
  const [sort, setSort] = useState<{ key: 'probability' | 'customer_id'; desc: boolean }>({ key: 'probability', desc: true });
  const buckets = useMemo(() => [...new Set(rows.map((r) => r.risk_bucket))], [rows]);
  const shown = useMemo(() => {
    const f = bucket ? rows.filter((r) => r.risk_bucket === bucket) : rows;
    const dir = sort.desc ? -1 : 1;
    return [...f].sort(
      (a, b) => (sort.key === 'probability' ? a.probability - b.probability : a.customer_id.localeCompare(b.customer_id)) * dir,
    );
  }, [rows, bucket, sort]);
  const flagged = rows.filter((r) => r.prediction === '1').length;
  const head = (key: 'probability' | 'customer_id', text: string) => (
    <th
      scope="col"
      className={key === 'probability' ? 'num' : ''}
      aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key === 'probability' }))}
      >
        {text} {sort.key === key ? (sort.desc ? '▼' : '▲') : ''}
      </button>
    </th>
  );
  return (
    <Card title="Scored customers" wide>
      <div className="stats">
        <Stat label="Scored" value={count(rows.length)} />
        <Stat label="Flagged to act" value={count(flagged)} hint="probability ≥ the model's threshold" tone="bad" />
        <Stat label="Rejected" value={count(job.rowsRejected)} />
      </div>
      <div className="toolbar">
        <div>
          <label htmlFor="bucket-filter">Risk bucket</label>
          <select id="bucket-filter" value={bucket} onChange={(e) => setBucket(e.target.value)}>
            <option value="">All ({rows.length})</option>
            {buckets.map((b) => (
              <option key={b} value={b}>
                {b} ({rows.filter((r) => r.risk_bucket === b).length})
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => void download(`/jobs/${job.id}/result`, `${job.id}-scored.csv`)}>
          Download scored CSV
        </button>
      </div>
      <div className="table-wrap">
        <table className="table compact" data-testid="preview">
          <thead>
            <tr>
              {head('customer_id', 'Customer')}
              {head('probability', 'Churn probability')}
              <th scope="col">Risk bucket</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, 100).map((r) => (
              <tr key={r.customer_id}>
                <td>{r.customer_id}</td>
                <td className="num">{pct(r.probability)}</td>
                <td>
                  <Bucket name={r.risk_bucket} />
                </td>
                <td>{r.prediction === '1' ? <strong className="bad">act</strong> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > 100 && (
        <p className="muted">Showing the first 100 of {count(shown.length)} rows; download the CSV for all.</p>
      )}
    </Card>
  );
}
