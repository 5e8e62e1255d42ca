/** A versioned schema change, written once for both engines through the dialect's type names. */
import type { Dialect } from '../dialect.js';

export interface Migration {
  version: number;
  name: string;
  up: (dialect: Dialect) => string;
}
