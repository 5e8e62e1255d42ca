/**
 * The bad-input campaign: a seeded generator of malformed requests of every kind issue 7 names (wrong types, missing
 * and extra fields, NaN/Infinity/huge numbers, deep nesting, invalid JSON, wrong content types, oversized bodies,
 * malformed CSV uploads, bad methods, paths, ids, keys), and a runner that checks each reply is a 4xx problem+json.
 * Used by the serving test (500 requests) and bench/bad-input.ts (≥ 10,000).
 */
import { legacyRecord } from './records.test-support.js';

/** One malformed request. */
export interface BadRequest {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | FormData;
}

const json = { 'content-type': 'application/json' };
const rand = (seed: number) => {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
};

const fields = Object.keys(legacyRecord).filter((k) => k !== 'customer_id' && k !== 'gender');
const numberFields = fields.filter((k) => typeof (legacyRecord as Record<string, unknown>)[k] === 'number');
const textFields = fields.filter((k) => typeof (legacyRecord as Record<string, unknown>)[k] === 'string');
const notNumbers: unknown[] = ['x', '', true, [], {}, [1], { a: 1 }, '1e400', 'NaN', '12', -1e9];
const notText: unknown[] = [1, true, [], {}, ['a'], { a: 'b' }, 0, '', 'x'.repeat(100)];

function csvForm(text: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), 'bad.csv');
  return form;
}

/** The i-th bad request of a campaign (deterministic for a seed); `bodyLimit` sizes the oversized bodies. */
export function badRequest(i: number, seed: number, bodyLimit: number): BadRequest {
  const r = rand(seed * 7919 + i);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const kinds = [
    'wrong type',
    'extra field',
    'non-finite number',
    'huge number',
    'deep nesting',
    'invalid json',
    'wrong content type',
    'oversized body',
    'malformed csv',
    'bad method',
    'bad path',
    'bad query',
    'not an object',
    'batch strict',
    'empty body',
    'bad job id',
    'prototype pollution',
    'bad customer id',
  ] as const;
  const kind = kinds[i % kinds.length];
  const rec = { ...legacyRecord } as Record<string, unknown>;
  switch (kind) {
    case 'wrong type':
      if (r() < 0.5) rec[pick(numberFields)] = pick(notNumbers);
      else rec[pick(textFields)] = pick(notText);
      return { kind, method: 'POST', path: '/predict', headers: json, body: JSON.stringify(rec) };
    case 'extra field':
      rec[`x_${Math.floor(r() * 1e6)}`] = 1;
      return { kind, method: 'POST', path: '/predict', headers: json, body: JSON.stringify(rec) };
    case 'non-finite number':
      return {
        kind,
        method: 'POST',
        path: '/predict',
        headers: json,
        body: `{"${pick(numberFields)}": ${pick(['NaN', 'Infinity', '-Infinity', 'nan', 'inf'])}}`,
      };
    case 'huge number':
      return {
        kind,
        method: 'POST',
        path: '/predict',
        headers: json,
        body: `{"${pick(numberFields)}": ${pick(['1e400', '-1e400', '9'.repeat(400), '1e999999'])}}`,
      };
    case 'deep nesting': {
      const depth = 50 + Math.floor(r() * 5000);
      const nested = r() < 0.5 ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      return { kind, method: 'POST', path: '/predict', headers: json, body: r() < 0.5 ? nested : `{"age": ${nested}}` };
    }
    case 'invalid json':
      return {
        kind,
        method: 'POST',
        path: pick(['/predict', '/batch_predict']),
        headers: json,
        body: pick(['{', '{"age":}', "{'age': 3}", '[1,]', '{"a":1}}', '\u0000', 'null null', '{"age": 01}']),
      };
    case 'wrong content type':
      return {
        kind,
        method: 'POST',
        path: pick(['/predict', '/batch_predict']),
        headers: {
          'content-type': pick([
            'text/plain',
            'application/xml',
            'application/x-www-form-urlencoded',
            'image/png',
            'application/jsonx',
          ]),
        },
        body: 'age=3',
      };
    case 'oversized body':
      return {
        kind,
        method: 'POST',
        path: pick(['/predict', '/batch_predict']),
        headers: json,
        body: `{"customer_id":"${'a'.repeat(bodyLimit + 10)}"}`,
      };
    case 'malformed csv':
      return {
        kind,
        method: 'POST',
        path: '/jobs/score',
        headers: {},
        body: csvForm(
          pick([
            '',
            '\n\n',
            'customer_id,"age\n1,2',
            'shoe,size\n1,2\n',
            'customer_id,customer_id\n1,1\n',
            '\u0000\u0001\u0002',
            'a;b;c\n1;2;3',
          ]),
        ),
      };
    case 'bad method':
      return {
        kind,
        method: pick(['PUT', 'DELETE', 'PATCH']),
        path: pick(['/predict', '/batch_predict', '/model', '/health', '/jobs/score']),
        headers: {},
      };
    case 'bad path':
      return {
        kind,
        method: pick(['GET', 'POST']),
        path: pick(['/nope', '/predict/../../etc/passwd', '/%00', '/models/x/y/z', '/jobs', '/.env']),
        headers: { accept: 'application/json' },
      };
    case 'bad query':
      return {
        kind,
        method: 'POST',
        path: pick([
          '/predict?explain=maybe',
          '/batch_predict?strict=1',
          '/predict?foo=bar',
          '/batch_predict?strict=true&strict=false',
        ]),
        headers: json,
        body: JSON.stringify(legacyRecord),
      };
    case 'not an object':
      return {
        kind,
        method: 'POST',
        path: '/predict',
        headers: json,
        body: pick(['[]', '1', '"x"', 'null', 'true', '[{"age":1}]']),
      };
    case 'batch strict':
      return {
        kind,
        method: 'POST',
        path: '/batch_predict?strict=true',
        headers: json,
        body: JSON.stringify([legacyRecord, { ...legacyRecord, [pick(numberFields)]: pick(notNumbers) }, 3]),
      };
    case 'empty body':
      return { kind, method: 'POST', path: pick(['/predict', '/batch_predict']), headers: json, body: '' };
    case 'bad job id':
      return {
        kind,
        method: 'GET',
        path: pick([
          '/jobs/123',
          '/jobs/00000000-0000-4000-8000-000000000000/result',
          '/jobs/%2e%2e/errors',
          '/jobs/x'.padEnd(300, 'x'),
        ]),
        headers: {},
      };
    case 'prototype pollution':
      return {
        kind,
        method: 'POST',
        path: '/predict',
        headers: json,
        body: pick(['{"__proto__": {"admin": true}}', '{"constructor": {"prototype": {"x": 1}}}']),
      };
    case 'bad customer id':
      return {
        kind,
        method: 'POST',
        path: '/predict',
        headers: json,
        body: JSON.stringify({ customer_id: pick(['', 'x'.repeat(500), 'never-seen']) }),
      };
    default:
      return kind satisfies never;
  }
}

/** What a campaign saw. */
export interface CampaignResult {
  requests: number;
  byStatus: Record<number, number>;
  /** Requests whose reply was a 5xx, not problem+json, or without a catalogue code (first 20). */
  failures: { kind: string; path: string; status: number; type: string; body: string }[];
  failureCount: number;
}

/** Sends `n` bad requests with `concurrency` clients and checks every reply. */
export async function runCampaign(
  baseUrl: string,
  n: number,
  options: { seed?: number; concurrency?: number; bodyLimit: number; key?: string },
): Promise<CampaignResult> {
  const result: CampaignResult = { requests: 0, byStatus: {}, failures: [], failureCount: 0 };
  let next = 0;
  const client = async () => {
    while (next < n) {
      const i = next++;
      const req = badRequest(i, options.seed ?? 1, options.bodyLimit);
      const headers = { ...req.headers, ...(options.key ? { 'x-api-key': options.key } : {}) };
      const res = await fetch(baseUrl + req.path, { method: req.method, headers, body: req.body });
      const text = await res.text();
      const type = res.headers.get('content-type') ?? '';
      result.requests++;
      result.byStatus[res.status] = (result.byStatus[res.status] ?? 0) + 1;
      let code = '';
      try {
        code = String((JSON.parse(text) as { code?: unknown }).code ?? '');
      } catch {
        /* not JSON */
      }
      const ok =
        res.status >= 400 && res.status < 500 && type.includes('application/problem+json') && code.startsWith('CHURN_ERR_');
      if (!ok) {
        result.failureCount++;
        if (result.failures.length < 20)
          result.failures.push({ kind: req.kind, path: req.path, status: res.status, type, body: text.slice(0, 200) });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, client));
  return result;
}
