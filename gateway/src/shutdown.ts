/**
 * Graceful shutdown: stop accepting, let the requests in flight finish (each commits its journal entry before it
 * is answered), then close the journal, which commits what is queued and signs the last checkpoint. Requests
 * still running after `timeoutMs` have their connections cut; their entries, if committed, are still covered.
 */
import type { FastifyInstance } from 'fastify';
import type { Journal } from '@negiz/journal';
import type { Logger } from 'pino';

export interface ShutdownResult {
  /** Every request in flight finished within the timeout. */
  drained: boolean;
}

export async function shutDownGateway(
  gateway: { app: FastifyInstance; journal: Journal },
  options: { timeoutMs: number; logger?: Logger },
): Promise<ShutdownResult> {
  let drained = true;
  const closing = gateway.app.close();
  // A keep-alive connection whose request was just answered would hold the close until its idle timeout.
  const idle = setInterval(() => gateway.app.server.closeIdleConnections(), 50);
  const timer = setTimeout(() => {
    drained = false;
    options.logger?.warn({ timeoutMs: options.timeoutMs }, 'shutdown: requests still in flight, connections cut');
    gateway.app.server.closeAllConnections();
  }, options.timeoutMs);
  try {
    await closing;
  } finally {
    clearTimeout(timer);
    clearInterval(idle);
  }
  // The server's own close hooks close the journal too; closing again is a no-op, and a journal given by the caller
  // is closed here.
  await gateway.journal.close();
  options.logger?.info({ drained }, 'gateway stopped: journal closed, last checkpoint signed');
  return { drained };
}
