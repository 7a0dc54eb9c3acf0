/**
 * `negiz serve-subgraphs` in a process of its own, NEGIZ_OTLP_URL pointing at a collector: the spans of its
 * operations reach the collector over OTLP/HTTP and continue the caller's traceparent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { exportSPKI, generateKeyPair } from 'jose';
import { GATEWAY_CONTEXT_HEADER } from '@negiz/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signGatewayContext } from '../src/context.ts';
import { claims } from './fixtures/host.ts';

const NEGIZ = fileURLToPath(new URL('../../cli/bin/negiz.js', import.meta.url));

interface OtlpSpan {
  traceId: string;
  parentSpanId?: string;
  name: string;
  attributes: Array<{ key: string; value: { stringValue?: string } }>;
}
interface OtlpRequest {
  resourceSpans: Array<{ resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> }; scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
}

const received: OtlpRequest[] = [];
let collector: Server;
let child: ChildProcess | undefined;

beforeAll(async () => {
  collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces' && request.headers['content-type'] === 'application/json') received.push(JSON.parse(Buffer.concat(chunks).toString()));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await new Promise((resolve) => collector.close(resolve));
});

describe('serve-subgraphs with NEGIZ_OTLP_URL', () => {
  it("exports its spans to the collector, children of the caller's traceparent", async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
    const env = {
      PATH: process.env.PATH,
      NEGIZ_OTLP_URL: `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`,
      NEGIZ_CONTEXT_PUBLIC_KEY: await exportSPKI(publicKey),
      NEGIZ_PORT: '0',
      NEGIZ_LOG_LEVEL: 'silent',
    };
    child = spawn(process.execPath, [NEGIZ, 'serve-subgraphs', '--services', 's05-vehicles', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const { address } = JSON.parse(line) as { address: string };

    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const token = await signGatewayContext(claims(), { privateKey, audience: 's05-vehicles' });
    const response = await fetch(`${address}/s05-vehicles/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent, [GATEWAY_CONTEXT_HEADER]: token },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);

    // SIGTERM: the host closes and flushes its buffered spans before it exits.
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);

    const resource = received.flatMap((r) => r.resourceSpans);
    const spans = resource.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)).filter((s) => s.name === 'subgraph s05-vehicles');
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', parentSpanId: '00f067aa0ba902b7' });
    expect(spans[0]!.attributes).toEqual([{ key: 'negiz.service', value: { stringValue: 's05-vehicles' } }]);
    expect(resource[0]!.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'negiz-subgraphs' } });
  }, 30_000);

  it('refuses to start on an invalid setting, naming it', async () => {
    const refused = spawn(process.execPath, [NEGIZ, 'serve-subgraphs', '--services', 's05-vehicles'], {
      env: { PATH: process.env.PATH, NEGIZ_BREAKER_ERROR_PERCENT: 'most' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    refused.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(refused, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(stderr).toMatch(/^negiz: NEGIZ_BREAKER_ERROR_PERCENT: /);
  }, 30_000);
});
