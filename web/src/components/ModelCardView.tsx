/** The model card: id, family, trained at, validation ROC-AUC / PR-AUC, threshold and how it was chosen. */
import { num3, pct, when } from '../format';
import type { ModelCard } from '../types';

export function ModelCardView({ card }: { card: ModelCard }) {
  const chosen = card.candidates.find((c) => c.selected) ?? card.candidates[0];
  const m = chosen?.metrics ?? {};
  return (
    <dl className="facts" data-testid="model-card">
      <dt>Model id</dt>
      <dd data-testid="model-id">{card.model_id}</dd>
      <dt>Family</dt>
      <dd>{card.family}</dd>
      <dt>Loaded at</dt>
      <dd>{when(card.loaded_at)}</dd>
      <dt>Validation ROC-AUC</dt>
      <dd>{num3(m.rocAuc ?? m.roc_auc)}</dd>
      <dt>Validation PR-AUC</dt>
      <dd>{num3(m.prAuc ?? m.pr_auc)}</dd>
      <dt>Decision threshold</dt>
      <dd>
        {pct(card.threshold.value)} <span className="muted">({card.threshold.rule})</span>
      </dd>
      <dt>Risk buckets</dt>
      <dd>
        {card.risk_buckets.labels.join(' · ')}{' '}
        <span className="muted">(cuts {card.risk_buckets.cuts.map((c) => pct(c, 0)).join(', ')})</span>
      </dd>
      <dt>Horizon</dt>
      <dd>{card.horizon_days === null ? '—' : `${card.horizon_days} days`}</dd>
      <dt>Why this model</dt>
      <dd className="muted">{card.selection.reason}</dd>
    </dl>
  );
}
