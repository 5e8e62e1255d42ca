/** Every CLI command group, registered in the order `churn --help` lists them. Add one line per command file. */
import type { Command } from 'commander';
import { registerDb } from './db.js';
import { registerModels } from './models.js';

export const commandRegistrations: ((program: Command) => void)[] = [registerDb, registerModels];
