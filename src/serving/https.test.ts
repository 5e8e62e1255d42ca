import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { Agent, get } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serve, testConfig } from './testing/server.test-support.js';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasOpenssl)('HTTPS', () => {
  it('serves over TLS when a certificate and key are configured', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'churn-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        'key.pem',
        '-out',
        'cert.pem',
      ],
      {
        cwd: dir,
        stdio: 'ignore',
      },
    );
    const server = await serve(testConfig(dir, { serving: { tlsCertFile: 'cert.pem', tlsKeyFile: 'key.pem' } }), { demo: true });
    try {
      expect(server.url.startsWith('https://')).toBe(true);
      const status = await new Promise<number>((resolve, reject) => {
        get(`${server.url}/health`, { agent: new Agent({ rejectUnauthorized: false }) }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject);
      });
      expect(status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
