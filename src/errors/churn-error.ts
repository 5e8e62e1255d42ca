/** ChurnError: the one typed exception of churnlab, carrying a catalogue code and its context. */
import { type ChurnErrorCode, errorCatalogue } from './catalogue.js';

/** A failure a user can act on: a catalogue code, a message, and the context that names what was wrong. */
export class ChurnError extends Error {
  readonly code: ChurnErrorCode;
  readonly context: Record<string, unknown>;

  constructor(code: ChurnErrorCode, message: string, context: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ChurnError';
    this.code = code;
    this.context = context;
  }

  /** The HTTP status the catalogue assigns to this error's code. */
  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

/** True when `e` is a ChurnError (optionally of one code). */
export function isChurnError(e: unknown, code?: ChurnErrorCode): e is ChurnError {
  return e instanceof ChurnError && (code === undefined || e.code === code);
}
