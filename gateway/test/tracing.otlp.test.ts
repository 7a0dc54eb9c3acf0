/** With NEGIZ_OTLP_URL, spans leave over OTLP/HTTP: the collector receives them by the time tracing is closed. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTracing, gatewayTracer } from '../src/tracing.ts';

describe('OTLP export', () => {
  it('posts the spans to the configured collector', async () => {
    const received: Array<{ url: string | undefined; type: string | undefined; bytes: number }> = [];
    const collector = createServer((request, response) => {
      let bytes = 0;
      request.on('data', (chunk: Buffer) => (bytes += chunk.length));
      request.on('end', () => {
        received.push({ url: request.url, type: request.headers['content-type'], bytes });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`;
      const tracing = createTracing({ otlpUrl: url })!;
      gatewayTracer().startSpan('negiz.request').end();
      await tracing.close();
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ url: '/v1/traces' });
      expect(received[0]!.bytes).toBeGreaterThan(0);
    } finally {
      await new Promise((resolve) => collector.close(resolve));
    }
    expect(createTracing({})).toBeUndefined();
  });
});
