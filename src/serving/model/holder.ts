/** The current model of a running server: one reference swapped atomically on promotion (hot reload). */
import type { ModelArtifact } from '../../registry/index.js';
import type { Scorer } from '../../scoring/index.js';

/** A loaded, verified model ready to score. */
export interface ServingModel {
  id: string;
  artifact: ModelArtifact;
  scorer: Scorer;
  /** ISO timestamp when this server loaded it. */
  loadedAt: string;
}

/** Holds the current model; `current()` throws CHURN_ERR_NO_MODEL when none is loaded. */
export interface ModelHolder {
  current(): ServingModel;
  /** The current model, or null when none is promoted yet. */
  peek(): ServingModel | null;
  /** Replaces the current model (the new one is loaded and verified before this is called). */
  swap(next: ServingModel | null): void;
  /** Called after each swap (cache invalidation, metrics). */
  onSwap(listener: (next: ServingModel | null, previous: ServingModel | null) => void): void;
}
