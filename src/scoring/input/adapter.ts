/** The input adapter of an artifact, chosen by where its training rows came from. */
import type { ModelArtifact } from '../../registry/index.js';
import type { InputAdapter } from './input.js';
import { snapshotInput } from './snapshot-input.js';
import { tableInput } from './table-input.js';

/** Snapshot features for snapshot models; the table's inferred columns for `churn train --table` models. */
export function inputAdapterOf(artifact: ModelArtifact): InputAdapter {
  switch (artifact.source) {
    case 'snapshots':
      return snapshotInput(artifact);
    case 'table':
      return tableInput(artifact);
    default:
      return artifact.source satisfies never;
  }
}
