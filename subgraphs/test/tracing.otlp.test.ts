/** A host in its own process exports its spans over OTLP/HTTP: the collector has them once tracing is closed. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { endSubgraphSpan, exportSubgraphSpans, subgraphSpan } from '../src/tracing.ts';

describe('exportSubgraphSpans', () => {
  it("posts the host's spans, under its service name, to the collector", async () => {
    const bodies: string[] = [];
    const collector = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.url === '/v1/traces') bodies.push(body);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const tracing = exportSubgraphSpans(`http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`, 'negiz-subgraphs-test');
      endSubgraphSpan(subgraphSpan('s05-vehicles', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'), true);
      await tracing.close();
      expect(bodies).toHaveLength(1);
      expect(bodies[0]).toContain('"traceId":"4bf92f3577b34da6a3ce929d0e0e4736"');
      expect(bodies[0]).toContain('"name":"subgraph s05-vehicles"');
      expect(bodies[0]).toContain('"stringValue":"negiz-subgraphs-test"');
    } finally {
      await new Promise((resolve) => collector.close(resolve));
    }
  });
});
