import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isChurnError } from '../errors/index.js';
import { configFromEnv, loadConfig, parseConfig } from './index.js';

const dir = () => mkdtempSync(path.join(tmpdir(), 'churn-config-'));

describe('configuration', () => {
  it('works with zero set-up: embedded SQLite file and project-local folders', () => {
    const c = loadConfig({ projectDir: dir(), env: {} });
    expect(c.databaseUrl).toBe('sqlite:data/churn.db');
    expect(c.paths.outputs).toBe('outputs');
    expect(c.generate).toMatchObject({ customers: 5000, months: 12, seed: 42 });
    expect(c.scoring.riskCuts).toBe('auto');
  });

  it('lets churn.config.json override defaults and the environment override the file', () => {
    const d = dir();
    writeFileSync(path.join(d, 'churn.config.json'), JSON.stringify({ generate: { customers: 100, seed: 7 } }));
    const c = loadConfig({ projectDir: d, env: { CHURN_GENERATE__SEED: '9', DATABASE_URL: 'postgres://x@h/db' } });
    expect(c.generate.customers).toBe(100);
    expect(c.generate.seed).toBe(9);
    expect(c.databaseUrl).toBe('postgres://x@h/db');
  });

  it('maps CHURN_SECTION__CAMEL_KEY variables onto nested keys', () => {
    expect(configFromEnv({ CHURN_GENERATE__MONTHLY_CHURN_RATE: '0.03', REDIS_URL: 'redis://r' })).toEqual({
      generate: { monthlyChurnRate: 0.03 },
      redisUrl: 'redis://r',
    });
  });

  it('names an unknown key', () => {
    expect(() => parseConfig({ generate: { customerz: 5 } })).toThrow('Unknown configuration key "generate.customerz"');
  });

  it('names a key with a bad value and says why', () => {
    try {
      parseConfig({ generate: { customers: -3 } });
      expect.unreachable();
    } catch (e) {
      expect(isChurnError(e, 'CHURN_ERR_CONFIG')).toBe(true);
      expect((e as Error).message).toMatch(/^Invalid configuration value for "generate.customers"/);
    }
  });

  it('rejects a config file that is not JSON, naming the file', () => {
    const d = dir();
    writeFileSync(path.join(d, 'churn.config.json'), '{ nope');
    expect(() => loadConfig({ projectDir: d, env: {} })).toThrow(/churn.config.json is not valid JSON/);
  });
});
