/** A registered model version as the registry reports it: the table row joined with the pointer's aliases. */
import path from 'node:path';
import type { RegistryPointer } from './pointer.js';
import type { Metrics } from './schema/metrics.js';
import type { Family } from './schema/model.js';
import type { Source } from './schema/training-data.js';
import type { ModelStatus, VersionRow } from './versions-table.js';

/** One immutable registered version. */
export interface ModelVersion {
  modelId: string;
  /** 1, 2, 3 … in registration order. */
  version: number;
  /** When it was registered (ISO-8601 UTC); kept out of the artifact so artifacts stay byte-reproducible. */
  registeredAt: string;
  family: Family;
  source: Source;
  /** Absolute path of its model.json. */
  file: string;
  threshold: number;
  /** Validation metrics of the selected candidate. */
  metrics: Metrics;
  status: ModelStatus;
  /** Last time it became champion, or null. */
  promotedAt: string | null;
}

/** Status and last promotion time of a model, decided by the pointer (the source of truth for aliases). */
export function statusFromPointer(pointer: RegistryPointer, modelId: string): { status: ModelStatus; promotedAt: string | null } {
  const became = pointer.history.filter((e) => e.modelId === modelId && (e.action === 'promote' || e.action === 'rollback'));
  const promotedAt = became.at(-1)?.at ?? null;
  if (pointer.champion?.modelId === modelId) return { status: 'champion', promotedAt };
  if (pointer.challenger?.modelId === modelId) return { status: 'challenger', promotedAt };
  return { status: promotedAt ? 'retired' : 'registered', promotedAt };
}

/** Builds the reported version from its row and the pointer. */
export function toModelVersion(dir: string, row: VersionRow, pointer: RegistryPointer): ModelVersion {
  const { status, promotedAt } = statusFromPointer(pointer, row.model_id);
  return {
    modelId: row.model_id,
    version: row.version,
    registeredAt: row.created_at,
    family: row.family as Family,
    source: row.source as Source,
    file: path.resolve(dir, row.path),
    threshold: row.threshold,
    metrics: JSON.parse(row.metrics_json) as Metrics,
    status,
    promotedAt,
  };
}
