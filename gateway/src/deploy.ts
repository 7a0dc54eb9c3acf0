/**
 * What the Kubernetes manifests under deploy/ and the Dockerfile must hold (`negiz deploy check`, and CI through
 * gateway/test/deploy.test.ts): the gateway scaled by a HorizontalPodAutoscaler and kept up by a
 * PodDisruptionBudget, every service of the supergraph on exactly one subgraph host the gateway is pointed at,
 * PostgreSQL through a CloudNativePG Cluster, Redis, NetworkPolicies that let only the gateway reach the subgraphs,
 * non-root containers on read-only root filesystems with probes, resource requests and limits.
 * Each check returns findings (empty: it holds); a finding names the file and the resource.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

type Labels = Record<string, string>;
interface Probe {
  httpGet?: { path?: string; port?: unknown };
  tcpSocket?: unknown;
  exec?: unknown;
}
interface Container {
  name: string;
  image?: string;
  args?: string[];
  env?: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }>;
  envFrom?: Array<{ configMapRef?: { name: string } }>;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
}
interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers?: Container[];
}
interface Selector {
  matchLabels?: Labels;
}
interface Peer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
  ipBlock?: unknown;
}
interface NetworkPolicySpec {
  podSelector?: Selector;
  policyTypes?: string[];
  ingress?: Array<{ from?: Peer[] }>;
}

const GATEWAY = 'gateway';
const SUBGRAPH_HOST = 'subgraph-host';
const COMPONENT = 'app.kubernetes.io/component';

/** Every document of every `*.yaml` file in the directory. */
export function readManifests(dir: string): Manifest[] {
  const manifests: Manifest[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    for (const document of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
      if (document.errors.length) throw new Error(`${file}: ${document.errors[0]!.message}`);
      const value = document.toJS() as Omit<Manifest, 'file'> | null;
      if (value) manifests.push({ ...value, file });
    }
  }
  return manifests;
}

const where = (m: Manifest) => `${m.file}: ${m.kind} ${m.metadata?.name ?? '(unnamed)'}`;
const podOf = (m: Manifest): PodSpec | undefined => (m.spec?.template as { spec?: PodSpec } | undefined)?.spec;
const podLabels = (m: Manifest): Labels => (m.spec?.template as { metadata?: { labels?: Labels } } | undefined)?.metadata?.labels ?? {};
const workloads = (ms: Manifest[]) => ms.filter((m) => m.kind === 'Deployment' || m.kind === 'StatefulSet');
const component = (ms: Manifest[], name: string) => workloads(ms).filter((m) => podLabels(m)[COMPONENT] === name);
/** A selector's labels all among these labels (an empty selector matches every pod). */
const selects = (selector: Selector | undefined, labels: Labels) => Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);

/** A Service whose selector (a plain label map, unlike a workload's matchLabels) picks these pods. */
const serviceFor = (ms: Manifest[], labels: Labels) =>
  ms.find((m) => m.kind === 'Service' && m.spec?.selector !== undefined && selects({ matchLabels: m.spec.selector as Labels }, labels));

/** Every document names its API, kind and name. */
export function checkShape(ms: Manifest[]): string[] {
  return ms.filter((m) => !m.apiVersion || !m.kind || !m.metadata?.name).map((m) => `${m.file}: a document without apiVersion, kind or metadata.name`);
}

/** Non-root, read-only root filesystem, no privilege escalation, requests and limits, liveness and readiness probes. */
export function checkContainers(ms: Manifest[]): string[] {
  const findings: string[] = [];
  for (const m of workloads(ms)) {
    const pod = podOf(m);
    if (!pod?.containers?.length) {
      findings.push(`${where(m)}: no containers`);
      continue;
    }
    for (const c of pod.containers) {
      const at = `${where(m)} container ${c.name}`;
      const nonRoot = c.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
      const uid = c.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
      if (nonRoot !== true || uid === 0) findings.push(`${at}: must run as non-root (runAsNonRoot: true, runAsUser not 0)`);
      if (c.securityContext?.readOnlyRootFilesystem !== true) findings.push(`${at}: readOnlyRootFilesystem must be true`);
      if (c.securityContext?.allowPrivilegeEscalation !== false) findings.push(`${at}: allowPrivilegeEscalation must be false`);
      for (const kind of ['requests', 'limits'] as const) {
        const r = c.resources?.[kind];
        if (!r?.cpu || !r?.memory) findings.push(`${at}: resources.${kind} needs cpu and memory`);
      }
      if (!c.livenessProbe) findings.push(`${at}: no livenessProbe`);
      if (!c.readinessProbe) findings.push(`${at}: no readinessProbe`);
    }
  }
  return findings;
}

/** The gateway: a Deployment probed on /healthz (alive) and /readyz (ready), an HPA of at least 2 on it, a PDB selecting its pods. */
export function checkGateway(ms: Manifest[]): string[] {
  const gateways = component(ms, GATEWAY).filter((m) => m.kind === 'Deployment');
  if (gateways.length !== 1) return [`expected one gateway Deployment (${COMPONENT}: ${GATEWAY}), found ${gateways.length}`];
  const gateway = gateways[0]!;
  const findings: string[] = [];
  const container = podOf(gateway)?.containers?.[0];
  if (container?.livenessProbe?.httpGet?.path !== '/healthz') findings.push(`${where(gateway)}: the liveness probe must be GET /healthz`);
  if (container?.readinessProbe?.httpGet?.path !== '/readyz') findings.push(`${where(gateway)}: the readiness probe must be GET /readyz`);
  const hpa = ms.find(
    (m) =>
      m.kind === 'HorizontalPodAutoscaler' &&
      (m.spec?.scaleTargetRef as { kind?: string; name?: string } | undefined)?.kind === 'Deployment' &&
      (m.spec?.scaleTargetRef as { name?: string }).name === gateway.metadata.name,
  );
  if (!hpa) findings.push(`no HorizontalPodAutoscaler scales the gateway Deployment ${gateway.metadata.name}`);
  else if (!(Number(hpa.spec?.minReplicas) >= 2)) findings.push(`${where(hpa)}: minReplicas must be at least 2 (replicas share the load and survive one loss)`);
  const labels = podLabels(gateway);
  const pdb = ms.find((m) => m.kind === 'PodDisruptionBudget' && selects(m.spec?.selector as Selector, labels) && m.spec?.selector !== undefined);
  if (!pdb) findings.push(`no PodDisruptionBudget selects the gateway's pods`);
  else if (pdb.spec?.minAvailable === undefined && pdb.spec?.maxUnavailable === undefined) findings.push(`${where(pdb)}: needs minAvailable or maxUnavailable`);
  return findings;
}

/** The gateway's setting `name`: a literal in its env, or in a ConfigMap it reads through envFrom. */
export function gatewaySetting(ms: Manifest[], name: string): string | undefined {
  const gateway = component(ms, GATEWAY)[0];
  const container = gateway && podOf(gateway)?.containers?.[0];
  const literal = container?.env?.find((e) => e.name === name)?.value;
  if (literal !== undefined) return literal;
  for (const from of container?.envFrom ?? []) {
    const map = ms.find((m) => m.kind === 'ConfigMap' && m.metadata.name === from.configMapRef?.name);
    if (map?.data?.[name] !== undefined) return map.data[name];
  }
  return undefined;
}

/** Every service on exactly one subgraph host behind a Service, and the gateway's NEGIZ_SUBGRAPH_URLS sending each to its host. */
export function checkSubgraphs(ms: Manifest[], services: readonly string[]): string[] {
  const findings: string[] = [];
  const hosts = component(ms, SUBGRAPH_HOST);
  if (!hosts.length) return [`no subgraph-host Deployment (${COMPONENT}: ${SUBGRAPH_HOST})`];
  const hostOf = new Map<string, string>();
  for (const host of hosts) {
    const args = podOf(host)?.containers?.[0]?.args ?? [];
    if (args[0] !== 'serve-subgraphs') findings.push(`${where(host)}: the container must run "serve-subgraphs"`);
    const list = args[args.indexOf('--services') + 1];
    if (!args.includes('--services') || !list) {
      findings.push(`${where(host)}: no --services list`);
      continue;
    }
    const service = serviceFor(ms, podLabels(host));
    if (!service) findings.push(`${where(host)}: no Service selects its pods`);
    for (const slug of list.split(',')) {
      if (hostOf.has(slug)) findings.push(`${slug} is served by both ${hostOf.get(slug)} and ${host.metadata.name}`);
      hostOf.set(slug, service?.metadata.name ?? host.metadata.name);
    }
  }
  for (const slug of services) if (!hostOf.has(slug)) findings.push(`${slug} (in the supergraph) is served by no subgraph host`);
  for (const slug of hostOf.keys()) if (!services.includes(slug)) findings.push(`${slug} is served but not in the supergraph`);
  const text = gatewaySetting(ms, 'NEGIZ_SUBGRAPH_URLS');
  let urls: Record<string, string> = {};
  try {
    urls = text ? (JSON.parse(text) as Record<string, string>) : {};
  } catch {
    findings.push('the gateway\'s NEGIZ_SUBGRAPH_URLS is not JSON {"slug": "http://..."}');
  }
  for (const [slug, serviceName] of hostOf) {
    const url = urls[slug];
    if (!url) findings.push(`the gateway's NEGIZ_SUBGRAPH_URLS has no URL for ${slug}`);
    else if (!new RegExp(`^http://${serviceName}[.:/].*/${slug}/graphql$`).test(url))
      findings.push(`the gateway sends ${slug} to ${url}, not to its host ${serviceName}`);
  }
  return findings;
}

/** The journal on a CloudNativePG Cluster the gateway reads its URL from (the operator's `<cluster>-app` Secret), and Redis. */
export function checkStores(ms: Manifest[]): string[] {
  const findings: string[] = [];
  const pg = ms.find((m) => m.kind === 'Cluster' && m.apiVersion.startsWith('postgresql.cnpg.io/'));
  if (!pg) findings.push('no CloudNativePG Cluster (postgresql.cnpg.io) for the journal');
  else if (!(Number(pg.spec?.instances) >= 2)) findings.push(`${where(pg)}: at least 2 instances (a standby for the journal)`);
  const gateway = component(ms, GATEWAY)[0];
  const env = (gateway && podOf(gateway)?.containers?.[0]?.env) ?? [];
  const journalUrl = env.find((e) => e.name === 'NEGIZ_JOURNAL_URL')?.valueFrom?.secretKeyRef;
  if (pg && journalUrl?.name !== `${pg.metadata.name}-app`) findings.push(`the gateway must read NEGIZ_JOURNAL_URL from the Secret ${pg.metadata.name}-app`);
  const redis = component(ms, 'redis')[0];
  const redisService = redis && serviceFor(ms, podLabels(redis));
  if (!redis || !redisService) findings.push('no Redis workload with its Service (budgets, APQ and revocations shared by the replicas)');
  else if (!gatewaySetting(ms, 'NEGIZ_REDIS_URL')?.startsWith(`redis://${redisService.metadata.name}.`))
    findings.push(`the gateway's NEGIZ_REDIS_URL must point at the Service ${redisService.metadata.name}`);
  return findings;
}

/** Ingress denied by default, and the subgraph hosts (and Redis) reachable from the gateway's pods only. */
export function checkNetworkPolicies(ms: Manifest[]): string[] {
  const findings: string[] = [];
  const policies = ms.filter((m) => m.kind === 'NetworkPolicy').map((m) => ({ m, spec: (m.spec ?? {}) as NetworkPolicySpec }));
  const denyAll = policies.some(
    ({ spec }) => Object.keys(spec.podSelector?.matchLabels ?? {}).length === 0 && spec.policyTypes?.includes('Ingress') && !spec.ingress?.length,
  );
  if (!denyAll) findings.push('no default-deny ingress NetworkPolicy (podSelector {}, policyTypes [Ingress], no rules)');
  const gatewayLabels = podLabels(component(ms, GATEWAY)[0] ?? ({} as Manifest));
  for (const name of [SUBGRAPH_HOST, 'redis']) {
    for (const target of component(ms, name)) {
      const labels = podLabels(target);
      const applying = policies.filter(({ spec }) => spec.policyTypes?.includes('Ingress') && selects(spec.podSelector, labels));
      const peers = applying.flatMap(({ spec }) => (spec.ingress ?? []).flatMap((rule) => rule.from ?? [{}]));
      if (!peers.length) findings.push(`${where(target)}: no NetworkPolicy lets the gateway in`);
      for (const peer of peers) {
        const onlyGateway = peer.podSelector && !peer.namespaceSelector && !peer.ipBlock && Object.keys(peer.podSelector.matchLabels ?? {}).length > 0;
        if (!onlyGateway || !selects(peer.podSelector, gatewayLabels))
          findings.push(`${where(target)}: a NetworkPolicy admits ${JSON.stringify(peer)}, not only the gateway's pods`);
      }
    }
  }
  return findings;
}

/** Multi-stage, node:24 by name, production dependencies only, a non-root user. */
export function checkDockerfile(text: string): string[] {
  const findings: string[] = [];
  const from = [...text.matchAll(/^FROM\s+(\S+)/gim)].map((m) => m[1]!);
  if (from.length < 2) findings.push('Dockerfile: must be multi-stage (a build stage and a runtime stage)');
  if (!from.every((image) => /^node:24([.-]|$)/.test(image) || !image.includes(':')))
    findings.push(`Dockerfile: every stage from node:24 (found ${from.join(', ')})`);
  if (!/npm (ci|prune)\b[^\n]*--omit=dev/.test(text)) findings.push('Dockerfile: production dependencies only ("npm ci --omit=dev" or "npm prune --omit=dev")');
  const users = [...text.matchAll(/^USER\s+(\S+)/gim)].map((m) => m[1]!);
  const last = users.at(-1);
  if (!last || /^(root|0)(:|$)/.test(last)) findings.push('Dockerfile: the runtime stage must end on a non-root USER');
  return findings;
}

/** Every check over deploy/ and the Dockerfile beside it. */
export function checkDeployment(dir: string, dockerfile: string, services: readonly string[]): string[] {
  const ms = readManifests(dir);
  return [
    ...checkShape(ms),
    ...checkContainers(ms),
    ...checkGateway(ms),
    ...checkSubgraphs(ms, services),
    ...checkStores(ms),
    ...checkNetworkPolicies(ms),
    ...checkDockerfile(readFileSync(dockerfile, 'utf8')),
  ];
}
