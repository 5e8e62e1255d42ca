/** Models: every registered version with its validation metrics side by side; promote or roll back (admin key). */
import { useState } from 'react';
import { ApiError, api } from '../api';
import { ModelCardView } from '../components/ModelCardView';
import { Async, ErrorBox } from '../components/states';
import { Card, PageHeader } from '../components/ui';
import { num3, pct, when } from '../format';
import type { ModelCard, ModelVersion } from '../types';
import { useApi } from '../use-api';

const metric = (m: Record<string, unknown>, ...names: string[]) => {
  for (const n of names) if (typeof m[n] === 'number') return m[n] as number;
  return null;
};

export default function Models() {
  const list = useApi<{ models: ModelVersion[] }>('/models');
  const card = useApi<ModelCard>('/model');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const act = async (what: string, path: string) => {
    setBusy(what);
    setError(null);
    setDone(null);
    try {
      const v = await api<ModelVersion>(path, { method: 'POST' });
      setDone(`${v.model_id} is now the champion.`);
      list.reload();
      card.reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader title="Models">
        Every trained model version, with its out-of-time validation scores side by side. The <em>champion</em> answers every
        prediction; promoting another version switches all servers within seconds, and roll back returns to the previous champion.
        Both need an API key with the admin scope.
      </PageHeader>
      {error && (
        <ErrorBox
          error={
            error.status === 403 || error.status === 401
              ? new ApiError({
                  ...error.problem,
                  detail: `${error.message}. Enter an admin key (top right) to promote or roll back.`,
                })
              : error
          }
          what="the model change"
        />
      )}
      {done && (
        <p className="state" role="status">
          {done}
        </p>
      )}
      <Card
        title="Versions"
        wide
        help="ROC-AUC: how well the model ranks churners above stayers (0.5 = chance). PR-AUC: precision across recall levels — compare it with the churn rate. Lift: how many times more churners the top 10% holds than a random 10%."
      >
        <Async state={list} what="model versions">
          {(l) =>
            l.models.length === 0 ? (
              <p className="muted">
                No model is registered yet. Train one with <code>churn train</code>.
              </p>
            ) : (
              <div className="table-wrap">
                <table className="table" data-testid="versions">
                  <thead>
                    <tr>
                      <th scope="col">Version</th>
                      <th scope="col">Model id</th>
                      <th scope="col">Family</th>
                      <th scope="col">Status</th>
                      <th scope="col">Registered</th>
                      <th scope="col" className="num">
                        ROC-AUC
                      </th>
                      <th scope="col" className="num">
                        PR-AUC
                      </th>
                      <th scope="col" className="num">
                        Top-decile lift
                      </th>
                      <th scope="col" className="num">
                        Threshold
                      </th>
                      <th scope="col">Action</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...l.models]
                      .sort((a, b) => b.version - a.version)
                      .map((v) => (
                        <tr key={v.model_id} className={v.status === 'champion' ? 'current' : ''} data-model={v.model_id}>
                          <td>v{v.version}</td>
                          <td>
                            <code>{v.model_id}</code>
                          </td>
                          <td>{v.family}</td>
                          <td>{v.status}</td>
                          <td>{when(v.registered_at)}</td>
                          <td className="num">{num3(metric(v.metrics, 'rocAuc', 'roc_auc'))}</td>
                          <td className="num">{num3(metric(v.metrics, 'prAuc', 'pr_auc'))}</td>
                          <td className="num">{num3(metric(v.metrics, 'topDecileLift', 'top_decile_lift'))}</td>
                          <td className="num">{pct(v.threshold)}</td>
                          <td>
                            {v.status === 'champion' ? (
                              <span className="muted">serving</span>
                            ) : (
                              <button
                                type="button"
                                className="secondary"
                                disabled={busy !== null}
                                onClick={() => void act(v.model_id, `/models/${encodeURIComponent(v.model_id)}/promote`)}
                                aria-label={`Promote ${v.model_id}`}
                              >
                                {busy === v.model_id ? 'Promoting…' : 'Promote'}
                              </button>
                            )}
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Async>
        <div className="row">
          <button
            type="button"
            className="danger"
            disabled={busy !== null}
            onClick={() => void act('rollback', '/models/rollback')}
          >
            {busy === 'rollback' ? 'Rolling back…' : 'Roll back to the previous champion'}
          </button>
        </div>
      </Card>
      <Card title="Current model card" wide>
        <Async state={card} what="the model card">
          {(m) => (
            <>
              <ModelCardView card={m} />
              <h3>Candidates compared at training</h3>
              <div className="table-wrap">
                <table className="table compact">
                  <thead>
                    <tr>
                      <th scope="col">Candidate</th>
                      <th scope="col">Family</th>
                      <th scope="col" className="num">
                        ROC-AUC
                      </th>
                      <th scope="col" className="num">
                        PR-AUC
                      </th>
                      <th scope="col" className="num">
                        Brier
                      </th>
                      <th scope="col">Chosen</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.candidates.map((c) => (
                      <tr key={c.name}>
                        <td>{c.name}</td>
                        <td>{c.family}</td>
                        <td className="num">{num3(metric(c.metrics, 'rocAuc', 'roc_auc'))}</td>
                        <td className="num">{num3(metric(c.metrics, 'prAuc', 'pr_auc'))}</td>
                        <td className="num">{num3(metric(c.metrics, 'brier', 'brierScore'))}</td>
                        <td>{c.selected ? '✓' : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </Async>
      </Card>
    </>
  );
}
