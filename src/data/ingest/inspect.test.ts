import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectCsvFile } from './inspect.js';

const header = 'customer_id,signup_date,birth_year,gender,region,city,device_type,acquisition_channel';

async function inspect(bytes: Buffer | string) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'churn-inspect-')), 'customers.csv');
  writeFileSync(file, bytes);
  return inspectCsvFile(file, 'customers');
}

describe('whole-file checks', () => {
  it('names the encoding problem of UTF-16, gzip and binary files', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(header, 'utf16le')]);
    expect(await inspect(utf16)).toMatchObject({ kind: 'encoding', message: expect.stringContaining('UTF-16') });
    expect(await inspect(Buffer.from([0x1f, 0x8b, 8, 0, 0]))).toMatchObject({
      kind: 'encoding',
      message: expect.stringContaining('gzip'),
    });
    expect(await inspect(Buffer.from('PK\u0003\u0004\u0000\u0000'))).toMatchObject({ kind: 'encoding' });
  });

  it('detects tab and pipe delimiters and CR-only line ends', async () => {
    expect(await inspect(`${header.replaceAll(',', '\t')}\n`)).toMatchObject({
      kind: 'delimiter',
      message: expect.stringContaining('tab'),
    });
    expect(await inspect(`${header.replaceAll(',', '|')}\n`)).toMatchObject({
      kind: 'delimiter',
      message: expect.stringContaining('pipe'),
    });
    expect(await inspect(`${header}\rC1,2025-01-01,,,N,,iOS,Ads\r`)).toMatchObject({ kind: 'line_endings' });
  });

  it('accepts the contract columns in any order and notes a missing final line end', async () => {
    const shuffled = header.split(',').reverse().join(',');
    expect(await inspect(`\ufeff${shuffled}\nAds,iOS,,N,,,2025-01-01,C1`)).toMatchObject({
      empty: false,
      endsWithNewline: false,
      header: shuffled.split(','),
    });
    expect(await inspect(' \n\n')).toMatchObject({ empty: true });
  });
});
