import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPERGRAPH } from '../src/config.ts';
import {
  checkContainers,
  checkDeployment,
  checkDockerfile,
  checkGateway,
  checkNetworkPolicies,
  checkShape,
  checkStores,
  checkSubgraphs,
  gatewaySetting,
  readManifests,
  type Manifest,
} from '../src/deploy.ts';
import { supergraphServices } from '../src/supergraph-services.ts';

const DEPLOY = fileURLToPath(new URL('../../deploy/', import.meta.url));
const DOCKERFILE = fileURLToPath(new URL('../../Dockerfile', import.meta.url));
const services = supergraphServices(readFileSync(DEFAULT_SUPERGRAPH, 'utf8'));
const fresh = (): Manifest[] => structuredClone(readManifests(DEPLOY));
const find = (ms: Manifest[], kind: string, name: string) => ms.find((m) => m.kind === kind && m.metadata.name === name)!;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const pod = (m: Manifest): any => (m.spec as any).template.spec;

describe('the shipped deployment (deploy/ and the Dockerfile)', () => {
  it('holds every check', () => {
    expect(readManifests(DEPLOY).length).toBeGreaterThan(10);
    expect(checkDeployment(DEPLOY, DOCKERFILE, services)).toEqual([]);
  });

  it('puts the 93 services on three hosts and points the gateway at Redis and the journal in the cluster', () => {
    const ms = readManifests(DEPLOY);
    expect(Object.keys(JSON.parse(gatewaySetting(ms, 'NEGIZ_SUBGRAPH_URLS')!))).toHaveLength(93);
    expect(ms.filter((m) => m.kind === 'Deployment' && m.metadata.labels?.['app.kubernetes.io/component'] === 'subgraph-host')).toHaveLength(3);
    expect(gatewaySetting(ms, 'NEGIZ_MODE')).toBe('production');
    expect(gatewaySetting(ms, 'NEGIZ_NOT_SET')).toBeUndefined();
  });
});

describe('each check finds what breaks it', () => {
  it('a document without a name', () => {
    expect(checkShape([{ file: 'x.yaml', apiVersion: 'v1', kind: 'ConfigMap', metadata: {} as Manifest['metadata'] }])).toEqual([
      'x.yaml: a document without apiVersion, kind or metadata.name',
    ]);
  });

  it('a root, writable, unbounded, unprobed container', () => {
    const ms = fresh();
    const container = pod(find(ms, 'Deployment', 'gateway')).containers[0];
    container.securityContext = { runAsUser: 0 };
    delete pod(find(ms, 'Deployment', 'gateway')).securityContext;
    delete container.resources.limits;
    delete container.readinessProbe;
    delete container.livenessProbe;
    const findings = checkContainers(ms);
    for (const what of ['non-root', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation', 'resources.limits', 'livenessProbe', 'readinessProbe'])
      expect(findings.some((f) => f.includes('Deployment gateway') && f.includes(what))).toBe(true);
    pod(find(ms, 'Deployment', 'redis')).containers = [];
    expect(checkContainers(ms)).toContain('redis.yaml: Deployment redis: no containers');
  });

  it('a gateway without its autoscaler, disruption budget or probes on /healthz and /readyz', () => {
    const ms = fresh();
    pod(find(ms, 'Deployment', 'gateway')).containers[0].readinessProbe.httpGet.path = '/healthz';
    find(ms, 'HorizontalPodAutoscaler', 'gateway').spec!.minReplicas = 1;
    delete find(ms, 'PodDisruptionBudget', 'gateway').spec!.minAvailable;
    expect(checkGateway(ms)).toEqual([
      'gateway.yaml: Deployment gateway: the readiness probe must be GET /readyz',
      'gateway.yaml: HorizontalPodAutoscaler gateway: minReplicas must be at least 2 (replicas share the load and survive one loss)',
      'gateway.yaml: PodDisruptionBudget gateway: needs minAvailable or maxUnavailable',
    ]);
    const without = ms.filter((m) => m.kind !== 'HorizontalPodAutoscaler' && m.kind !== 'PodDisruptionBudget');
    expect(checkGateway(without)).toEqual([
      'gateway.yaml: Deployment gateway: the readiness probe must be GET /readyz',
      'no HorizontalPodAutoscaler scales the gateway Deployment gateway',
      "no PodDisruptionBudget selects the gateway's pods",
    ]);
    expect(checkGateway(ms.filter((m) => m.kind !== 'Deployment'))).toEqual([
      'expected one gateway Deployment (app.kubernetes.io/component: gateway), found 0',
    ]);
  });

  it('a service on no host, on two hosts, not in the supergraph, or sent elsewhere by the gateway', () => {
    const ms = fresh();
    const args: string[] = pod(find(ms, 'Deployment', 'subgraphs-a')).containers[0].args;
    const list = args.at(-1)!.split(',');
    const moved = list.shift()!;
    args[args.length - 1] = [...list, 's99-nowhere'].join(',');
    const b: string[] = pod(find(ms, 'Deployment', 'subgraphs-b')).containers[0].args;
    b[b.length - 1] += `,${list[0]}`;
    const findings = checkSubgraphs(ms, services);
    expect(findings).toContain(`${list[0]} is served by both subgraphs-a and subgraphs-b`);
    expect(findings).toContain(`${moved} (in the supergraph) is served by no subgraph host`);
    expect(findings).toContain('s99-nowhere is served but not in the supergraph');
    expect(findings).toContain("the gateway's NEGIZ_SUBGRAPH_URLS has no URL for s99-nowhere");
    expect(findings.some((f) => f.startsWith(`the gateway sends ${list[0]} to http://subgraphs-a.`))).toBe(true);
    find(ms, 'ConfigMap', 'negiz-gateway').data!.NEGIZ_SUBGRAPH_URLS = 'not json';
    expect(checkSubgraphs(ms, services)).toContain('the gateway\'s NEGIZ_SUBGRAPH_URLS is not JSON {"slug": "http://..."}');
    expect(checkSubgraphs([], services)).toEqual(['no subgraph-host Deployment (app.kubernetes.io/component: subgraph-host)']);
  });

  it('no CloudNativePG cluster, a journal URL from elsewhere, no Redis', () => {
    const ms = fresh();
    find(ms, 'Cluster', 'negiz-journal').spec!.instances = 1;
    const env = pod(find(ms, 'Deployment', 'gateway')).containers[0].env;
    env.find((e: { name: string }) => e.name === 'NEGIZ_JOURNAL_URL').valueFrom.secretKeyRef.name = 'somewhere';
    find(ms, 'ConfigMap', 'negiz-gateway').data!.NEGIZ_REDIS_URL = 'redis://127.0.0.1:6379';
    expect(checkStores(ms)).toEqual([
      'postgres.yaml: Cluster negiz-journal: at least 2 instances (a standby for the journal)',
      'the gateway must read NEGIZ_JOURNAL_URL from the Secret negiz-journal-app',
      "the gateway's NEGIZ_REDIS_URL must point at the Service redis",
    ]);
    expect(checkStores(ms.filter((m) => m.kind !== 'Cluster' && m.metadata.name !== 'redis'))).toEqual([
      'no CloudNativePG Cluster (postgresql.cnpg.io) for the journal',
      'no Redis workload with its Service (budgets, APQ and revocations shared by the replicas)',
    ]);
  });

  it('ingress open by default, or subgraphs reachable from more than the gateway', () => {
    const ms = fresh();
    const policy = find(ms, 'NetworkPolicy', 'subgraphs-from-gateway-only');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (policy.spec as any).ingress[0].from.push({ namespaceSelector: { matchLabels: { team: 'anyone' } } });
    const withoutDeny = ms.filter((m) => m.metadata.name !== 'default-deny-ingress');
    const findings = checkNetworkPolicies(withoutDeny);
    expect(findings[0]).toBe('no default-deny ingress NetworkPolicy (podSelector {}, policyTypes [Ingress], no rules)');
    expect(findings.filter((f) => f.includes('not only the gateway')).length).toBe(3);
    const none = ms.filter((m) => m.metadata.name !== 'redis-from-gateway-only');
    expect(checkNetworkPolicies(none)).toContain('redis.yaml: Deployment redis: no NetworkPolicy lets the gateway in');
  });

  it('a single-stage, root, dev-dependencies image on another base', () => {
    expect(checkDockerfile('FROM node:22\nRUN npm ci\nUSER root\n')).toEqual([
      'Dockerfile: must be multi-stage (a build stage and a runtime stage)',
      'Dockerfile: every stage from node:24 (found node:22)',
      'Dockerfile: production dependencies only ("npm ci --omit=dev" or "npm prune --omit=dev")',
      'Dockerfile: the runtime stage must end on a non-root USER',
    ]);
    expect(checkDockerfile('FROM node:24-slim AS build\nRUN npm ci --omit=dev\nFROM node:24-slim\nUSER 10001:10001\n')).toEqual([]);
    expect(checkDockerfile('FROM node:24-slim AS build\nRUN npm ci && node build.ts && npm prune --omit=dev\nFROM node:24-slim\nUSER 10001:10001\n')).toEqual(
      [],
    );
  });
});
