import CircuitBreaker from 'opossum';
import { Agent, request, type Dispatcher } from 'undici';
import { GraphQLError } from 'graphql';
import type { EntityPart, EntityType } from '../define.ts';
import { subgraphError } from '../errors.ts';
import type { DataSource } from './types.ts';

export interface HttpSourceOptions {
  /** The upstream's base URL; the adapter POSTs to `{base}/entities/{Type}` and `{base}/query/{field}`. */
  baseUrl: string;
  /** Used in error messages and breaker names (never personal data). */
  service: string;
  /** Per attempt, milliseconds. */
  timeoutMs?: number;
  /** Further attempts after the first, for network errors, timeouts and 5xx (never 4xx). */
  retries?: number;
  /** First backoff delay; doubles with each retry, plus jitter. */
  backoffMs?: number;
  breaker?: { errorThresholdPercentage?: number; resetTimeoutMs?: number; volumeThreshold?: number; rollingCountTimeoutMs?: number };
  /** Share one keep-alive pool between services of a process; a private Agent otherwise. */
  dispatcher?: Dispatcher;
  /** Entity types this upstream answers; all by default. */
  entityTypes?: readonly EntityType[];
}

/** A failed attempt: `retry` tells whether another attempt may help; `timeout` marks a timed-out one. */
class AttemptError extends Error {
  retry: boolean;
  timeout: boolean;
  constructor(message: string, retry: boolean, timeout = false) {
    super(message);
    this.retry = retry;
    this.timeout = timeout;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The adapter to a real upstream over JSON/HTTP (protocol in docs/services.md): undici keep-alive connections,
 * a timeout per attempt, bounded retries with exponential backoff (the reads are idempotent), and an opossum
 * circuit breaker so a dead upstream is answered at once with UPSTREAM_UNAVAILABLE instead of tying up requests.
 */
export function httpSource(options: HttpSourceOptions): DataSource & { breaker: CircuitBreaker<[string, unknown], unknown> } {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 2000;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 50;
  const ownAgent = options.dispatcher ? undefined : new Agent({ keepAliveTimeout: 10_000, connections: 64 });
  const dispatcher = options.dispatcher ?? ownAgent!;

  async function attempt(path: string, body: unknown): Promise<unknown> {
    // One deadline for the whole attempt (connect, headers, body); aborting frees the socket.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await request(`${base}${path}`, {
        method: 'POST',
        dispatcher,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      if (response.statusCode >= 400) {
        await response.body.dump();
        throw new AttemptError(`HTTP ${response.statusCode}`, response.statusCode >= 500 || response.statusCode === 429);
      }
      return await response.body.json();
    } catch (error) {
      if (error instanceof AttemptError) throw error;
      if (timedOut) throw new AttemptError('timed out', true, true);
      throw new AttemptError((error as { code?: string }).code ?? (error as Error).name ?? 'network error', true);
    } finally {
      clearTimeout(timer);
    }
  }

  async function withRetries(path: string, body: unknown): Promise<unknown> {
    for (let i = 0; ; i++) {
      try {
        return await attempt(path, body);
      } catch (error) {
        if (!(error instanceof AttemptError) || !error.retry || i >= retries) throw error;
        await sleep(backoffMs * 2 ** i * (1 + Math.random() / 2));
      }
    }
  }

  const breaker = new CircuitBreaker<[string, unknown], unknown>(withRetries, {
    name: options.service,
    timeout: false, // attempts time out on their own; the breaker counts outcomes
    errorThresholdPercentage: options.breaker?.errorThresholdPercentage ?? 50,
    resetTimeout: options.breaker?.resetTimeoutMs ?? 10_000,
    volumeThreshold: options.breaker?.volumeThreshold ?? 5,
    rollingCountTimeout: options.breaker?.rollingCountTimeoutMs ?? 10_000,
    // A 4xx is the request's fault, not the upstream's health.
    errorFilter: (error: unknown) => error instanceof AttemptError && !error.retry,
  });

  async function call(path: string, body: unknown): Promise<unknown> {
    try {
      return await breaker.fire(path, body);
    } catch (error) {
      throw upstreamError(options.service, error);
    }
  }

  const served = options.entityTypes ? new Set(options.entityTypes) : undefined;
  return {
    breaker,
    serves: (type) => !served || served.has(type),
    async entities(type, keys) {
      const answer = (await call(`/entities/${type}`, { keys })) as { records?: unknown };
      const records = answer?.records;
      if (!Array.isArray(records) || records.length !== keys.length || records.some((r) => r !== null && (typeof r !== 'object' || Array.isArray(r)))) {
        throw subgraphError('UPSTREAM_UNAVAILABLE', `The upstream of ${options.service} answered ${type} records in an unexpected shape`);
      }
      return records as Array<EntityPart | null>;
    },
    async query(field, args) {
      const answer = (await call(`/query/${field}`, { args })) as { data?: unknown };
      if (!answer || typeof answer !== 'object' || !('data' in answer)) {
        throw subgraphError('UPSTREAM_UNAVAILABLE', `The upstream of ${options.service} answered ${field} in an unexpected shape`);
      }
      return answer.data;
    },
    async close() {
      breaker.shutdown();
      await ownAgent?.close();
    },
  };
}

function upstreamError(service: string, error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if ((error as { code?: string }).code === 'EOPENBREAKER') {
    return subgraphError('UPSTREAM_UNAVAILABLE', `The upstream of ${service} is unavailable (circuit open); try again shortly`);
  }
  if (error instanceof AttemptError && error.timeout) return subgraphError('UPSTREAM_TIMEOUT', `The upstream of ${service} did not answer in time`);
  const detail = error instanceof AttemptError ? ` (${error.message})` : '';
  return subgraphError('UPSTREAM_UNAVAILABLE', `The upstream of ${service} is unavailable${detail}`);
}
