/** The model registry: immutable versions in a folder + `model_versions`, with champion/challenger aliases and rollback. */
import { ChurnError } from '../errors/index.js';
import type { Store } from '../store/index.js';
import { decodeArtifact, encodeArtifact } from './codec.js';
import { modelFile, readArtifactFile, removeStaleTemps, type SaveStep, writeModelFolder } from './folder.js';
import { withRegistryLock } from './lock.js';
import { type ModelVersion, statusFromPointer, toModelVersion } from './model-version.js';
import { type PromotionEvent, type RegistryPointer, readPointer, writePointer } from './pointer.js';
import type { ModelArtifact } from './schema/artifact.js';
import { insertVersion, selectVersions, updateStatuses, type VersionRow } from './versions-table.js';

/** The two aliases: `champion` is the current model every surface serves; `challenger` is under evaluation. */
export type Alias = 'champion' | 'challenger';

/** Options of `register`. */
export interface RegisterOptions {
  /** The training report, stored as `models/<id>/report.html`. */
  reportHtml?: string;
  /** Give the new version an alias right away (`true` = champion). */
  promote?: boolean | Alias;
  /** Crash-test hook called after each save step; throwing (or dying) there simulates a crash. */
  onStep?: (step: SaveStep) => void;
}

/** A registry of immutable model versions with aliases. Model references: an id (or unique prefix), `v3`/`3`, `champion`/`current`, `challenger`. */
export interface ModelRegistry {
  /** The registry folder (`models/`). */
  readonly dir: string;
  /** Saves the artifact (folder, then table row, then pointer if promoting); idempotent for an already registered id. */
  register(artifact: ModelArtifact, options?: RegisterOptions): Promise<ModelVersion>;
  /** All versions, oldest first. */
  list(): Promise<ModelVersion[]>;
  /** One version by reference. */
  get(ref: string): Promise<ModelVersion>;
  /** The artifact of a version, fully checked. */
  load(ref: string): Promise<ModelArtifact>;
  /** Gives a version an alias (default champion); the artifact is verified loadable before the pointer moves. */
  promote(ref: string, alias?: Alias): Promise<ModelVersion>;
  /** Makes the previously promoted champion current again. */
  rollback(): Promise<ModelVersion>;
  /** Alias changes, oldest first. */
  history(): PromotionEvent[];
}

/** Opens the registry kept in folder `dir` with its table in `store`. */
export function openRegistry(store: Store, dir: string): ModelRegistry {
  return new FolderRegistry(store, dir);
}

const now = () => new Date().toISOString();

class FolderRegistry implements ModelRegistry {
  constructor(
    private readonly store: Store,
    readonly dir: string,
  ) {}

  async register(artifact: ModelArtifact, options: RegisterOptions = {}): Promise<ModelVersion> {
    const text = encodeArtifact(artifact);
    decodeArtifact(text, `artifact ${artifact.modelId}`); // the bytes about to be written must load back
    const onStep = options.onStep ?? (() => {});
    return withRegistryLock(this.dir, async () => {
      removeStaleTemps(this.dir);
      writeModelFolder(this.dir, artifact, text, options.reportHtml, onStep);
      const row = await insertVersion(this.store, artifact, `${artifact.modelId}/model.json`, now());
      onStep('row-inserted');
      if (options.promote) {
        this.switchAlias(row, options.promote === true ? 'champion' : options.promote);
        onStep('pointer-switched');
      }
      return this.mirror(row.model_id);
    });
  }

  async list(): Promise<ModelVersion[]> {
    const pointer = readPointer(this.dir);
    return (await selectVersions(this.store)).map((r) => toModelVersion(this.dir, r, pointer));
  }

  async get(ref: string): Promise<ModelVersion> {
    const pointer = readPointer(this.dir);
    return toModelVersion(this.dir, this.resolve(ref, await selectVersions(this.store), pointer), pointer);
  }

  async load(ref: string): Promise<ModelArtifact> {
    return readArtifactFile((await this.get(ref)).file);
  }

  async promote(ref: string, alias: Alias = 'champion'): Promise<ModelVersion> {
    return withRegistryLock(this.dir, async () => {
      const row = this.resolve(ref, await selectVersions(this.store), readPointer(this.dir));
      readArtifactFile(modelFile(this.dir, row.model_id)); // never point an alias at a model that does not load
      this.switchAlias(row, alias);
      return this.mirror(row.model_id);
    });
  }

  async rollback(): Promise<ModelVersion> {
    return withRegistryLock(this.dir, async () => {
      const pointer = readPointer(this.dir);
      if (pointer.stack.length < 2)
        throw new ChurnError(
          'CHURN_ERR_NO_MODEL',
          pointer.stack.length
            ? `Nothing to roll back to: ${pointer.stack[0].modelId} is the only model ever promoted`
            : 'Nothing to roll back to: no model has been promoted yet',
          { promoted: pointer.stack.map((e) => e.modelId) },
        );
      const current = pointer.stack.at(-1)!;
      const back = pointer.stack.at(-2)!;
      readArtifactFile(modelFile(this.dir, back.modelId));
      const at = now();
      const entry = { ...back, since: at };
      writePointer(this.dir, {
        ...pointer,
        champion: entry,
        challenger: pointer.challenger?.modelId === back.modelId ? null : pointer.challenger,
        stack: [...pointer.stack.slice(0, -2), entry],
        history: [...pointer.history, { at, action: 'rollback', modelId: back.modelId, previous: current.modelId }],
      });
      return this.mirror(back.modelId);
    });
  }

  history(): PromotionEvent[] {
    return readPointer(this.dir).history;
  }

  /** Moves an alias in the pointer file (the atomic switch). Promoting the current champion again changes nothing. */
  private switchAlias(row: VersionRow, alias: Alias): void {
    const pointer = readPointer(this.dir);
    const held = pointer[alias];
    if (held?.modelId === row.model_id) return;
    const at = now();
    const entry = { modelId: row.model_id, version: row.version, since: at };
    const event: PromotionEvent = {
      at,
      action: alias === 'champion' ? 'promote' : 'challenger',
      modelId: row.model_id,
      previous: held?.modelId ?? null,
    };
    const next: RegistryPointer =
      alias === 'champion'
        ? {
            ...pointer,
            champion: entry,
            challenger: pointer.challenger?.modelId === row.model_id ? null : pointer.challenger,
            stack: [...pointer.stack, entry],
            history: [...pointer.history, event],
          }
        : { ...pointer, challenger: entry, history: [...pointer.history, event] };
    writePointer(this.dir, next);
  }

  /** Brings the table's status columns in line with the pointer, then reports `modelId`'s version. */
  private async mirror(modelId: string): Promise<ModelVersion> {
    const pointer = readPointer(this.dir);
    const rows = await selectVersions(this.store);
    await updateStatuses(this.store, rows, (r) => statusFromPointer(pointer, r.model_id));
    return toModelVersion(this.dir, rows.find((r) => r.model_id === modelId)!, pointer);
  }

  private resolve(ref: string, rows: VersionRow[], pointer: RegistryPointer): VersionRow {
    const byId = (id: string) => rows.find((r) => r.model_id === id);
    if (ref === 'champion' || ref === 'current') {
      if (!pointer.champion)
        throw new ChurnError(
          'CHURN_ERR_NO_MODEL',
          'No model has been promoted yet: run `churn train` or `churn models promote ID`',
        );
      return mustExist(byId(pointer.champion.modelId), pointer.champion.modelId);
    }
    if (ref === 'challenger') {
      if (!pointer.challenger) throw new ChurnError('CHURN_ERR_NOT_FOUND', 'No model holds the challenger alias', { ref });
      return mustExist(byId(pointer.challenger.modelId), pointer.challenger.modelId);
    }
    const version = /^v?(\d+)$/.exec(ref);
    if (version)
      return mustExist(
        rows.find((r) => r.version === Number(version[1])),
        ref,
      );
    const exact = byId(ref);
    if (exact) return exact;
    const matches = ref.length >= 4 ? rows.filter((r) => r.model_id.startsWith(ref)) : [];
    if (matches.length > 1)
      throw new ChurnError(
        'CHURN_ERR_PARAM',
        `Model reference "${ref}" is ambiguous: ${matches.map((r) => r.model_id).join(', ')}`,
        { ref },
      );
    return mustExist(matches[0], ref);
  }
}

function mustExist(row: VersionRow | undefined, ref: string): VersionRow {
  if (!row)
    throw new ChurnError(
      'CHURN_ERR_NOT_FOUND',
      `No registered model "${ref}"; \`churn models list\` shows the registered versions`,
      { ref },
    );
  return row;
}
