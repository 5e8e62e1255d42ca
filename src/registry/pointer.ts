/** The alias pointer `current.json`: champion (current), challenger, promotion stack and history — switched atomically. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Static, Type as T } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ChurnError } from '../errors/index.js';
import { replaceFileAtomic } from './durable-fs.js';

const strict = { additionalProperties: false } as const;

/** A model holding an alias, and since when. */
export const AliasEntrySchema = T.Object({ modelId: T.String(), version: T.Integer({ minimum: 1 }), since: T.String() }, strict);

/** One alias change, kept for audit and for `rollback`. */
export const PromotionEventSchema = T.Object(
  {
    at: T.String(),
    action: T.Union([T.Literal('promote'), T.Literal('rollback'), T.Literal('challenger')]),
    modelId: T.String(),
    /** The model that held the alias before. */
    previous: T.Union([T.String(), T.Null()]),
  },
  strict,
);

/** The whole pointer document. */
export const PointerSchema = T.Object(
  {
    formatVersion: T.Literal(1),
    /** The model every server and scorer uses ("current"). */
    champion: T.Union([AliasEntrySchema, T.Null()]),
    /** A model under evaluation against the champion. */
    challenger: T.Union([AliasEntrySchema, T.Null()]),
    /** Champions in promotion order, the current one last: `rollback` pops it. */
    stack: T.Array(AliasEntrySchema),
    history: T.Array(PromotionEventSchema),
  },
  strict,
);

/** A model holding an alias. */
export type AliasEntry = Static<typeof AliasEntrySchema>;
/** One alias change. */
export type PromotionEvent = Static<typeof PromotionEventSchema>;
/** The pointer document (`current.json`). */
export type RegistryPointer = Static<typeof PointerSchema>;

/** The pointer file of a registry folder. */
export const pointerFile = (dir: string) => path.join(dir, 'current.json');

/** At most this many history events are kept (oldest dropped); the stack is bounded the same way. */
const KEEP = 500;

/** Reads the pointer (an empty one when the registry has never promoted). A corrupt pointer is an error, never "no model". */
export function readPointer(dir: string): RegistryPointer {
  const file = pointerFile(dir);
  if (!existsSync(file)) return { formatVersion: 1, champion: null, challenger: null, stack: [], history: [] };
  return parsePointer(readFileSync(file, 'utf8'), file);
}

/** Parses pointer text; throws CHURN_ERR_ARTIFACT naming the file when it is not a valid pointer. */
export function parsePointer(text: string, file: string): RegistryPointer {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (!Value.Check(PointerSchema, value))
    throw new ChurnError('CHURN_ERR_ARTIFACT', `The registry pointer ${file} is corrupt; restore it or promote a model again`, {
      file,
    });
  return value;
}

/** Replaces the pointer atomically (temp file, fsync, rename, fsync dir). */
export function writePointer(dir: string, pointer: RegistryPointer): void {
  const bounded = { ...pointer, stack: pointer.stack.slice(-KEEP), history: pointer.history.slice(-KEEP) };
  replaceFileAtomic(pointerFile(dir), `${JSON.stringify(bounded, null, 2)}\n`);
}
