/** Artifact ⇄ text: canonical JSON with typed arrays as base64, content hash and id derived from the bytes. */
import { createHash } from 'node:crypto';
import { ChurnError } from '../errors/index.js';
import { deserializeModel, serializeModel } from '../ml/index.js';
import { canonicalJson, type Json } from './canonical-json.js';
import { ARTIFACT_FORMAT_VERSION, type ModelArtifact } from './schema/artifact.js';
import { validateArtifact } from './validate.js';

/** An artifact before its id and content hash exist (what `createArtifact` hashes). */
export type UnsealedArtifact = Omit<ModelArtifact, 'modelId' | 'contentHash'>;

/** Plain JSON of a value whose typed arrays and non-finite numbers are encoded as `src/ml` does. */
const toPlain = (value: unknown): { [key: string]: Json } => JSON.parse(serializeModel(value));

/** SHA-256 of the canonical document without `modelId` and `contentHash`. */
function hashPlain(plain: { [key: string]: Json }): string {
  const { modelId: _id, contentHash: _hash, ...content } = plain;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The model id for a content hash: `m-` + its first 12 hex digits. */
export const modelIdFor = (contentHash: string) => `m-${contentHash.slice(0, 12)}`;

/** Computes `contentHash` and `modelId` for an artifact's content (any existing values are ignored). */
export function sealArtifact(content: UnsealedArtifact): ModelArtifact {
  const contentHash = hashPlain(toPlain(content));
  return { ...content, modelId: modelIdFor(contentHash), contentHash };
}

/** The artifact's file text: canonical JSON + newline. Equal artifacts give equal bytes. */
export function encodeArtifact(artifact: ModelArtifact): string {
  return `${canonicalJson(toPlain(artifact))}\n`;
}

/**
 * Parses and checks an artifact file's text: JSON, format version, content hash (a hand edit or a
 * corrupt byte is refused), then schema and cross-field rules. Typed arrays come back bit-exact.
 */
export function decodeArtifact(text: string, origin = 'model artifact'): ModelArtifact {
  let plain: { [key: string]: Json };
  try {
    plain = JSON.parse(text);
  } catch (e) {
    throw new ChurnError('CHURN_ERR_ARTIFACT', `${origin} is not valid JSON (truncated or corrupt): ${(e as Error).message}`, {
      origin,
    });
  }
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain) || !('formatVersion' in plain))
    throw new ChurnError('CHURN_ERR_ARTIFACT', `${origin} is not a churnlab model artifact (no formatVersion)`, { origin });
  const format = plain.formatVersion;
  if (format !== ARTIFACT_FORMAT_VERSION)
    throw new ChurnError(
      'CHURN_ERR_ARTIFACT',
      typeof format === 'number' && format > ARTIFACT_FORMAT_VERSION
        ? `${origin} has format version ${format}, newer than this churnlab reads (${ARTIFACT_FORMAT_VERSION}); upgrade churnlab`
        : `${origin} has unsupported format version ${JSON.stringify(format)} (this churnlab reads ${ARTIFACT_FORMAT_VERSION})`,
      { origin, formatVersion: format, supported: ARTIFACT_FORMAT_VERSION },
    );
  const actual = hashPlain(plain);
  if (plain.contentHash !== actual || plain.modelId !== modelIdFor(actual))
    throw new ChurnError(
      'CHURN_ERR_ARTIFACT',
      `${origin} does not match its content hash (edited by hand or corrupt); recorded ${String(plain.contentHash).slice(0, 12)}…, computed ${actual.slice(0, 12)}…`,
      { origin, recorded: plain.contentHash, computed: actual },
    );
  return validateArtifact(deserializeModel<unknown>(text), origin);
}
