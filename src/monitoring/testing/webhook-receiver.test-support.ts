/** Test support: a Slack-compatible webhook receiver on 127.0.0.1 that records every JSON body posted to it. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts the receiver; `url` is its hook address, `bodies` what it received. */
export async function webhookReceiver(): Promise<{ url: string; bodies: { text: string }[]; stop: () => Promise<void> }> {
  const bodies: { text: string }[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      bodies.push(JSON.parse(data));
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, bodies, stop: () => new Promise<void>((r) => server.close(() => r())) };
}
