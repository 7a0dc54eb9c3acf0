/**
 * The register of every code the system answers in `extensions.code`: the gateway's stages, the journal's reports,
 * the subgraphs, the per-field withholdings, and the codes of Apollo Server and Gateway the gateway lets through.
 * Clients branch on these codes, never on messages; docs/api.md#codes is generated from this register
 * (`npm run docs:codes`), and schema/test/codes.test.ts keeps the source, the register and the docs in step.
 */

/** Where in the system a code is answered. */
export const STAGES = ['clients', 'authenticate', 'basis', 'policy', 'execute', 'release', 'journal', 'reports', 'accounts', 'subgraph', 'field'] as const;
export type Stage = (typeof STAGES)[number];

export interface CodeEntry {
  /** The HTTP status it is answered with by default. */
  status: number;
  /** Every status it may be answered with, when there is more than one (the default among them). */
  statuses?: readonly number[];
  /** The stages that answer it, the main one first. */
  stages: readonly [Stage, ...Stage[]];
  /** The points and appendices of order No. 21 it rests on ('-' when it is the gateway's own limit or protocol). */
  rule: string;
  /** When it is answered (the docs' wording). */
  meaning: string;
  /** The default message; a caller may pass a more specific one. Never personal data. */
  message: string;
  /** Where the docs explain it: `<file in docs/>#<anchor>`. */
  docs: string;
  /** Also (or only) answered by Apollo Server or Apollo Gateway themselves, not raised by Negiz's own code. */
  apollo?: true;
}

export const CODES = {
  // The clients' stage (docs/clients.md)
  PERSISTED_QUERY_REQUIRED: {
    status: 400,
    stages: ['clients'],
    rule: '-',
    meaning: 'a court system sent query text (even the text of its own operation): courts execute registered operations only',
    message: 'Court systems may execute only registered operations: send extensions.persistedQuery {version: 1, sha256Hash} without a query text',
    docs: 'clients.md#court-systems-persisted-operations-only',
  },
  PERSISTED_QUERY_INVALID: {
    status: 400,
    stages: ['clients'],
    rule: '-',
    meaning: '`extensions.persistedQuery` is not `{version: 1, sha256Hash: <64 hex>}`',
    message: 'extensions.persistedQuery must be {version: 1, sha256Hash: "<64 hex digits>"}',
    docs: 'clients.md#court-systems-persisted-operations-only',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    status: 404,
    statuses: [404, 200],
    stages: ['clients'],
    rule: '-',
    meaning:
      "404: no registered operation has this id; 200 with the message `PersistedQueryNotFound`: an APQ hash the gateway does not hold yet (Apollo's APQ protocol: send the text with the hash)",
    message: 'No registered operation has this id (schema/operations/manifest.json)',
    docs: 'clients.md#portals-graphql-over-http',
  },
  PERSISTED_QUERY_NOT_ALLOWED: {
    status: 403,
    stages: ['clients'],
    rule: '-',
    meaning: 'the operation is registered, but not for this client (`schema/clients.yaml`)',
    message: 'The operation is registered but not allowed for this client (schema/clients.yaml)',
    docs: 'clients.md#court-systems-persisted-operations-only',
  },
  PERSISTED_QUERY_HASH_MISMATCH: {
    status: 400,
    stages: ['clients'],
    rule: '-',
    meaning: 'an APQ registration whose `sha256Hash` is not the SHA-256 of the query text sent with it',
    message: 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query text',
    docs: 'clients.md#portals-graphql-over-http',
  },
  CLIENT_NOT_REGISTERED: {
    status: 403,
    stages: ['clients', 'reports'],
    rule: '-',
    meaning: "the token's `client_id` is not in `schema/clients.yaml`",
    message: 'This client is not registered with the gateway (schema/clients.yaml): ask the operator to register it',
    docs: 'clients.md#court-systems-persisted-operations-only',
  },
  CLIENT_NOT_ALLOWED: {
    status: 403,
    stages: ['clients'],
    rule: '-',
    meaning: "the e-government portal's token on `/graphql` (it reads only `/reports/citizen`)",
    message: "The e-government portal reads only a citizen's disclosure at /reports/citizen, never /graphql",
    docs: 'journal.md#reports-api-p10-p44-seed-000',
  },
  QUERY_TOO_DEEP: {
    status: 400,
    stages: ['clients'],
    rule: '-',
    meaning:
      'the selection nests deeper than the limit (default 8; 16 with introspection), argument values nest lists or objects deeper than 16, the text nests brackets deeper than 64, or fragments are spread within fragments deeper than 32',
    message: 'Query nests deeper than the gateway allows (docs/clients.md#limits)',
    docs: 'clients.md#limits',
  },
  TOO_MANY_ALIASES: {
    status: 400,
    stages: ['clients'],
    rule: '-',
    meaning: 'the operation uses more aliases than the limit (default 10)',
    message: 'Query uses more aliases than the gateway allows (docs/clients.md#limits)',
    docs: 'clients.md#limits',
  },
  QUERY_TOO_COSTLY: {
    status: 400,
    stages: ['clients'],
    rule: '-',
    meaning: 'the operation costs more (default 8,000), selects more fields (default 2,200) or holds more tokens (20,000) than the limits',
    message: 'Query costs more than the gateway allows (docs/clients.md#limits)',
    docs: 'clients.md#limits',
  },
  TOO_MANY_INTROSPECTIONS: {
    status: 400,
    stages: ['clients'],
    rule: '-',
    meaning: 'an operation asks for `__schema` or `__type` more than twice (fragments expanded)',
    message: 'Query asks for __schema or __type more often than the gateway allows (docs/clients.md#limits)',
    docs: 'clients.md#limits',
  },
  VARIABLES_TOO_DEEP: {
    status: 400,
    stages: ['clients'],
    rule: '-',
    meaning: '`variables` or `extensions` nest arrays or objects deeper than 32 levels',
    message: 'Variables nest deeper than the gateway allows (docs/clients.md#limits)',
    docs: 'clients.md#limits',
  },
  TOO_MANY_SUBJECTS: {
    status: 400,
    stages: ['clients'],
    rule: '-',
    meaning: 'more distinct IIN/BIN in one request (all operations of a batch) than the limit (default 3)',
    message: 'Request concerns more subjects (IIN/BIN) than the gateway allows: ask about each subject of the case in its own request (docs/clients.md#limits)',
    docs: 'clients.md#limits',
  },
  BATCH_TOO_LARGE: {
    status: 400,
    stages: ['clients'],
    rule: '-',
    meaning: 'more operations in a batch than the limit (default 5)',
    message: 'Batch holds more operations than the gateway allows (docs/clients.md#limits)',
    docs: 'clients.md#limits',
  },
  REQUEST_TOO_LARGE: {
    status: 413,
    stages: ['clients'],
    rule: '-',
    meaning: 'the body is larger than the limit (default 100 kB)',
    message: 'Request body is larger than the gateway allows (docs/clients.md#limits)',
    docs: 'clients.md#limits',
  },
  RATE_LIMITED: {
    status: 429,
    stages: ['clients'],
    rule: '-',
    meaning:
      "the user's request budget (default 120 / 60 s) or distinct-subject budget (default 60 / hour) is spent; `Retry-After` and `extensions.retryAfterSeconds` say when to retry",
    message: 'Too many requests: retry later (docs/clients.md#limits)',
    docs: 'clients.md#limits',
  },

  // Authenticate (docs/api.md#1-the-token-order-no-21-p2-p18)
  UNAUTHENTICATED: {
    status: 401,
    stages: ['authenticate', 'reports'],
    rule: 'p.2, p.18, p.14',
    meaning:
      'no token, bad signature, wrong issuer/audience, expired, not valid yet (`nbf`) or issued in the future (`iat`), missing `sub`/`role`/`org`/`iat`, login not registered, role changed since login, user registry unreachable',
    message: 'Authentication required (order No. 21 p.2, p.18)',
    docs: 'api.md#1-the-token-order-no-21-p2-p18',
  },
  MFA_REQUIRED: {
    status: 401,
    stages: ['authenticate'],
    rule: 'p.2, p.18; agreement p.8',
    meaning: '`amr` does not prove hardware key + biometrics/one-time code',
    message: 'Multi-factor login required (order No. 21 p.2, p.18): the token must prove a hardware-kept signature key plus biometrics or a one-time code',
    docs: 'api.md#1-the-token-order-no-21-p2-p18',
  },
  ACCOUNT_BLOCKED: {
    status: 403,
    stages: ['authenticate'],
    rule: 'p.14, p.15, Appendix 6',
    meaning: 'the account is blocked',
    message: 'The account is blocked (order No. 21 p.14, p.15; Appendix 6): requests are refused',
    docs: 'api.md#1-the-token-order-no-21-p2-p18',
  },
  ACCOUNT_SUSPENDED: {
    status: 403,
    stages: ['authenticate'],
    rule: 'p.14, p.15',
    meaning: 'the account is suspended',
    message: 'The account is suspended (order No. 21 p.14, p.15): requests are refused',
    docs: 'api.md#1-the-token-order-no-21-p2-p18',
  },
  ACCOUNT_CLOSED: {
    status: 403,
    stages: ['authenticate'],
    rule: 'Appendix 6',
    meaning: 'the account is closed',
    message: 'The account is closed (order No. 21, Appendix 6): requests are refused',
    docs: 'accounts.md#the-lifecycle',
  },
  ACCOUNT_PENDING_ROLE: {
    status: 403,
    stages: ['authenticate'],
    rule: 'p.14',
    meaning: "the user was transferred: the old role is revoked and the new one awaits the operator's approval",
    message: 'The account has no role: after a transfer the new role applies once the operator approves it (order No. 21 p.14)',
    docs: 'accounts.md#the-lifecycle',
  },
  AGREEMENT_REQUIRED: {
    status: 403,
    stages: ['authenticate'],
    rule: 'Appendix 6',
    meaning: 'the current version of the user agreement is not accepted yet: everything but POST /agreement/accept is refused',
    message: 'The user agreement in force has not been accepted (order No. 21, Appendix 6): sign it with your key and POST it to /agreement/accept',
    docs: 'accounts.md#the-agreement',
  },

  // Basis (docs/api.md#2-the-legal-basis-p1-p5-p20-p22)
  BASIS_REQUIRED: {
    status: 400,
    stages: ['basis'],
    rule: 'p.1, p.20',
    meaning: 'a data request without a basis',
    message: 'Every data request needs its legal basis (order No. 21 p.1, p.20): send extensions.basis {type, number, instruction?}',
    docs: 'api.md#2-the-legal-basis-p1-p5-p20-p22',
  },
  BASIS_INVALID: {
    status: 400,
    stages: ['basis'],
    rule: 'p.1, p.20, p.22; bases.yaml',
    meaning: "unknown type, number not of the register's form, instruction on a non-criminal basis",
    message: 'The legal basis is malformed (order No. 21 p.1, p.20; bases.yaml)',
    docs: 'api.md#2-the-legal-basis-p1-p5-p20-p22',
  },
  FORBIDDEN_BASIS_FOR_ROLE: {
    status: 403,
    statuses: [403, 200],
    stages: ['basis', 'subgraph'],
    rule: 'Appendix 1 (`rule` = row of your role, column of the basis)',
    meaning: 'your role may not use this basis (403 from the gateway; 200 with the error when a subgraph re-checks the signed context)',
    message: 'Appendix 1: this role may not request on this basis',
    docs: 'api.md#2-the-legal-basis-p1-p5-p20-p22',
  },
  BASIS_NOT_YOURS: {
    status: 403,
    stages: ['basis'],
    rule: 'p.5, p.22',
    meaning: 'no such case, or not in your hands, or the instruction is not yours (the same answer, so nobody can probe which cases exist)',
    message:
      'The proceeding is not in your hands (order No. 21 p.5, p.22): no open case with this number is assigned to you, and no instruction on it is addressed to you',
    docs: 'api.md#2-the-legal-basis-p1-p5-p20-p22',
  },
  CASE_CLOSED: {
    status: 403,
    stages: ['basis'],
    rule: 'p.1, p.5',
    meaning: 'your own case is closed',
    message: 'Your case is closed (order No. 21 p.1, p.5): requests need an open proceeding',
    docs: 'api.md#2-the-legal-basis-p1-p5-p20-p22',
  },
  BASIS_UNVERIFIABLE: {
    status: 503,
    stages: ['basis'],
    rule: 'p.5',
    meaning: 'the case registry cannot be reached: the request is refused (fail closed)',
    message: 'The case registry cannot be reached, so the basis cannot be verified (order No. 21 p.5): try again later',
    docs: 'api.md#2-the-legal-basis-p1-p5-p20-p22',
  },
  JUSTIFICATION_REQUIRED: {
    status: 400,
    stages: ['basis'],
    rule: 'p.10 (supervision of requests)',
    meaning: 'the request was drawn for a random justification check and has no `basis.reason`: repeat it with one',
    message: 'Random justification check (order No. 21 p.10, supervision of requests): repeat the request with extensions.basis.reason',
    docs: 'journal.md#justification-challenges',
  },

  // Policy (docs/api.md#3-what-comes-back)
  FORBIDDEN_OPERATION: {
    status: 403,
    stages: ['policy', 'release'],
    rule: 'p.1, p.5',
    meaning: '`_entities`/`_service` queried, a subscription, or incremental delivery (`@defer`, `@stream`)',
    message: 'This operation is not served: every request is a query on a legal basis, journaled before any data leaves (order No. 21 p.1, p.5)',
    docs: 'api.md#3-what-comes-back',
  },
  BAD_REQUEST: {
    status: 400,
    stages: ['policy', 'clients', 'reports', 'subgraph'],
    rule: '-',
    meaning: 'not a well-formed GraphQL request; aliases beginning with `__negiz` (reserved); unknown or malformed report parameters',
    message: 'The request is not a well-formed GraphQL request',
    docs: 'api.md#codes',
    apollo: true,
  },
  INVALID_IIN: {
    status: 400,
    statuses: [400, 200],
    stages: ['policy', 'subgraph'],
    rule: '-',
    meaning:
      'a malformed IIN (12 digits, the national check digit) in an argument, a variable or an `_entities` key; refused before any registry or service is asked, and never echoed back',
    message: 'Invalid IIN: an individual identification number is 12 digits encoding a birth date, century and sex, with a valid check digit',
    docs: 'api.md#codes',
  },
  INVALID_BIN: {
    status: 400,
    statuses: [400, 200],
    stages: ['policy', 'subgraph'],
    rule: '-',
    meaning: 'a malformed BIN (12 digits, the national check digit), as for `INVALID_IIN`',
    message: 'Invalid BIN: a business identification number is 12 digits encoding the registration month, entity type and unit, with a valid check digit',
    docs: 'api.md#codes',
  },

  // Per field, inside a 200 response (docs/api.md#3-what-comes-back)
  FORBIDDEN_SERVICE_FOR_BASIS: {
    status: 200,
    stages: ['field', 'subgraph'],
    rule: 'Appendix 2, row of the service, column of the basis',
    meaning: "the field's service is not open on this basis: the field is `null`, with this error at its path",
    message: 'Withheld: Appendix 2: the service is not open on this basis',
    docs: 'api.md#3-what-comes-back',
  },
  FORBIDDEN_ARTICLE_FOR_SERVICE: {
    status: 200,
    stages: ['field', 'subgraph'],
    rule: 'Appendix 2, footnote 2; p.2',
    meaning: 'a tax-authority service on a criminal case whose articles are not in the configured list (`schema/policy/articles.yaml`)',
    message: 'Withheld: Appendix 2, footnote 2: only for criminal cases under the configured articles',
    docs: 'api.md#3-what-comes-back',
  },
  REDACTED: {
    status: 200,
    stages: ['field', 'subgraph'],
    rule: 'Appendix 2, footnote 1',
    meaning: "a truncated field (`@truncated` in the service's schema) on a basis where the service is truncated",
    message: 'Withheld: Appendix 2, footnote 1: this field is withheld in the truncated form',
    docs: 'api.md#3-what-comes-back',
  },

  // Execute: what Apollo Server and the gateway's executor answer
  GRAPHQL_PARSE_FAILED: {
    status: 400,
    stages: ['clients'],
    rule: '-',
    meaning: 'the query text is not GraphQL',
    message: 'Syntax error in the query text',
    docs: 'api.md#codes',
    apollo: true,
  },
  GRAPHQL_VALIDATION_FAILED: {
    status: 400,
    stages: ['clients'],
    rule: '-',
    meaning: 'the operation does not validate against the API schema',
    message: 'The operation does not validate against the schema',
    docs: 'api.md#codes',
    apollo: true,
  },
  BAD_USER_INPUT: {
    status: 400,
    stages: ['execute'],
    rule: '-',
    meaning: 'a variable does not coerce to its declared type',
    message: 'A variable does not match its declared type',
    docs: 'api.md#codes',
    apollo: true,
  },
  OPERATION_RESOLUTION_FAILURE: {
    status: 400,
    stages: ['clients'],
    rule: '-',
    meaning: '`operationName` names no operation of the document, or a document of several operations has none',
    message: 'The operation to execute cannot be determined: send operationName',
    docs: 'api.md#codes',
    apollo: true,
  },
  DOWNSTREAM_SERVICE_ERROR: {
    status: 200,
    stages: ['execute'],
    rule: '-',
    meaning: 'a data service answered without a GraphQL response, or could not be reached: its part of the answer is missing',
    message: 'The data service answered without a GraphQL response',
    docs: 'services.md#errors-extensionscode',
    apollo: true,
  },
  INTERNAL_SERVER_ERROR: {
    status: 200,
    statuses: [200, 500],
    stages: ['subgraph', 'execute'],
    rule: '-',
    meaning: 'an unexpected exception in a mock, an adapter (200, its message replaced: it might quote a record) or Apollo Server itself (500)',
    message: 'Internal error in the service',
    docs: 'services.md#errors-extensionscode',
    apollo: true,
  },

  // The journal and the release
  JOURNAL_UNAVAILABLE: {
    status: 503,
    stages: ['journal', 'release', 'reports'],
    rule: 'p.5, p.10',
    meaning: 'the journal cannot record the request (or the report read): no data is released',
    message: 'The journal cannot record the request, so no data is released (order No. 21 p.5, p.10): try again later',
    docs: 'journal.md#group-commit-and-failure',
  },
  INTERNAL: {
    status: 500,
    stages: ['release', 'reports'],
    rule: '-',
    meaning: 'the gateway could not process the request (a fault, logged without personal data); nothing is released',
    message: 'The gateway could not process the request',
    docs: 'api.md#codes',
  },

  // Reports (docs/api.md#5-reports-reports)
  REPORTS_GRANT_REQUIRED: {
    status: 403,
    stages: ['reports'],
    rule: 'p.10, p.44',
    meaning: 'the user registry gives the user no REPORTS grant',
    message: 'Reports are open only to holders of the REPORTS grant, given by the operator on a reasoned letter (p.10, p.44)',
    docs: 'api.md#5-reports-reports',
  },
  INTERNAL_SECURITY_GRANT_REQUIRED: {
    status: 403,
    stages: ['reports'],
    rule: 'p.44; seed 000',
    meaning: 'the user registry gives the user no INTERNAL_SECURITY grant',
    message: 'Subject look-ups are open only to holders of the INTERNAL_SECURITY grant, given by the operator on a reasoned letter (p.10, p.44)',
    docs: 'api.md#5-reports-reports',
  },
  GRANT_NOT_REGISTERED: {
    status: 403,
    stages: ['reports'],
    rule: 'p.10',
    meaning: "the operator has not registered the grant (with the letter's reference) for this login and organisation",
    message: 'No active grant is registered by the operator for this user and organisation (p.10)',
    docs: 'api.md#5-reports-reports',
  },
  OTHER_ORGANISATION: {
    status: 403,
    stages: ['reports'],
    rule: 'p.10',
    meaning: '`organisation=` names another organisation',
    message: "Supervisors see only their own organisation's requests (p.10)",
    docs: 'api.md#5-reports-reports',
  },
  CITIZEN_PORTAL_ONLY: {
    status: 403,
    stages: ['reports'],
    rule: 'p.44',
    meaning: "`/reports/citizen` without the e-government portal's client token",
    message: "A citizen's disclosure is served only to the e-government portal, authenticated as such",
    docs: 'api.md#5-reports-reports',
  },
  BAD_PERIOD: {
    status: 400,
    stages: ['reports'],
    rule: 'p.10',
    meaning: 'the period is not `from < to` within 366 days',
    message: 'The period must have from < to and span at most 366 days',
    docs: 'api.md#5-reports-reports',
  },

  // Subgraphs (docs/services.md#errors-extensionscode); always HTTP 200 with `errors[]`
  GATEWAY_CONTEXT_REQUIRED: {
    status: 200,
    stages: ['subgraph'],
    rule: 'p.34 (protection of the system)',
    meaning:
      'a subgraph asked without a valid signed context of the gateway (none, bad signature, wrong issuer or audience, expired, claims missing): no data at all',
    message: 'A subgraph serves data only to requests signed by the gateway',
    docs: 'services.md#errors-extensionscode',
  },
  INVALID_DATE: {
    status: 200,
    stages: ['subgraph'],
    rule: '-',
    meaning: 'a malformed `Date` (ISO 8601 calendar date) in a variable or literal',
    message: 'Invalid Date: expected an ISO 8601 calendar date (YYYY-MM-DD)',
    docs: 'services.md#errors-extensionscode',
  },
  INVALID_DATETIME: {
    status: 200,
    stages: ['subgraph'],
    rule: '-',
    meaning: 'a malformed `DateTime` (ISO 8601 instant with an offset) in a variable or literal',
    message: 'Invalid DateTime: expected an ISO 8601 instant with an offset (2024-05-01T10:00:00+05:00)',
    docs: 'services.md#errors-extensionscode',
  },
  UPSTREAM_UNAVAILABLE: {
    status: 200,
    stages: ['subgraph'],
    rule: '-',
    meaning: "the HTTP adapter's upstream failed, answered in an unexpected shape, or its breaker is open",
    message: 'The upstream of the service is unavailable: try again shortly',
    docs: 'services.md#errors-extensionscode',
  },
  UPSTREAM_TIMEOUT: {
    status: 200,
    stages: ['subgraph'],
    rule: '-',
    meaning: "the HTTP adapter's upstream did not answer in time",
    message: 'The upstream of the service did not answer in time',
    docs: 'services.md#errors-extensionscode',
  },

  // Accounts: the register's tools, the agreement, the HR feed (docs/accounts.md)
  ACCOUNT_NOT_FOUND: {
    status: 404,
    stages: ['accounts'],
    rule: 'p.2',
    meaning: 'no account with this login in the register',
    message: 'No such account in the register (order No. 21 p.2)',
    docs: 'accounts.md#who-may-do-what',
  },
  ACCOUNT_EXISTS: {
    status: 409,
    stages: ['accounts'],
    rule: 'p.2',
    meaning: 'an account with this login is already registered',
    message: 'An account with this login is already registered (order No. 21 p.2)',
    docs: 'accounts.md#who-may-do-what',
  },
  ACCOUNT_CHANGE_INVALID: {
    status: 400,
    statuses: [400, 409],
    stages: ['accounts'],
    rule: 'p.2, p.10, p.14',
    meaning: "the change is malformed (400) or does not fit the account's state (409): the message says which",
    message: 'The account change is not valid (order No. 21 p.2, p.14)',
    docs: 'accounts.md#who-may-do-what',
  },
  REASON_REQUIRED: {
    status: 400,
    stages: ['accounts'],
    rule: 'p.14, p.15',
    meaning: 'an account change without a reason',
    message: 'Every change of an account needs its reason (order No. 21 p.14, p.15): it is journaled',
    docs: 'accounts.md#who-may-do-what',
  },
  OPERATOR_REQUIRED: {
    status: 403,
    stages: ['accounts'],
    rule: 'p.34 (the OPERATOR grant: Appendix 1 has no operator row)',
    meaning: 'the account tools need the OPERATOR grant',
    message: "The account tools are the operator's (order No. 21 p.34): the OPERATOR grant is required",
    docs: 'accounts.md#who-may-do-what',
  },
  ROLE_NOT_PENDING: {
    status: 409,
    stages: ['accounts'],
    rule: 'p.14',
    meaning: 'approve-role on an account with no new role waiting',
    message: 'No new role awaits approval on this account (order No. 21 p.14)',
    docs: 'accounts.md#the-hr-feed',
  },
  ROLE_APPROVAL_EXPIRED: {
    status: 409,
    stages: ['accounts'],
    rule: 'p.14, p.15; seed 003 p.4',
    meaning: 'the new role waited more than 24 hours for approval: it lapsed and the account stays without a role until a new decision',
    message: 'The approval of the new role came more than 24 hours after the transfer notice (order No. 21 p.14): it has lapsed, a new decision is needed',
    docs: 'accounts.md#the-hr-feed',
  },
  AGREEMENT_SIGNATURE_INVALID: {
    status: 400,
    stages: ['accounts'],
    rule: 'Appendix 6',
    meaning: "the acceptance is not a compact JWS over {version, textHash} signed with the account's registered key",
    message: "The agreement's acceptance must be a compact JWS over {version, textHash} signed with your key (order No. 21, Appendix 6)",
    docs: 'accounts.md#the-agreement',
  },
  AGREEMENT_VERSION_OUTDATED: {
    status: 409,
    stages: ['accounts'],
    rule: 'Appendix 6',
    meaning: 'the signed version or text hash is not the agreement in force (extensions carry the current ones)',
    message: 'The signed agreement is not the version in force (order No. 21, Appendix 6): sign the current version',
    docs: 'accounts.md#the-agreement',
  },
  HR_EVENT_UNSIGNED: {
    status: 401,
    stages: ['accounts'],
    rule: 'p.15',
    meaning: 'the HR event is not a signed compact JWS',
    message: "An HR event must be a compact JWS signed by the body's registered HR system (order No. 21 p.15)",
    docs: 'accounts.md#the-hr-feed',
  },
  HR_EVENT_SIGNATURE_INVALID: {
    status: 401,
    stages: ['accounts'],
    rule: 'p.15',
    meaning: "the HR event's signature does not verify with its system's registered key",
    message: "The HR event's signature does not verify with the key registered for its HR system (order No. 21 p.15)",
    docs: 'accounts.md#the-hr-feed',
  },
  HR_SYSTEM_UNKNOWN: {
    status: 401,
    stages: ['accounts'],
    rule: 'p.15',
    meaning: "the event's kid names no registered HR system, or one not registered for the account's organisation",
    message: 'The HR system is not registered with the operator (order No. 21 p.15)',
    docs: 'accounts.md#the-hr-feed',
  },
  HR_EVENT_MALFORMED: {
    status: 400,
    stages: ['accounts'],
    rule: 'p.15',
    meaning: 'the signed payload is not an HR event (the message names the field)',
    message: 'The HR event is malformed (order No. 21 p.15): see docs/accounts.md for its fields',
    docs: 'accounts.md#the-hr-feed',
  },
  HR_EVENT_CONFLICT: {
    status: 409,
    stages: ['accounts'],
    rule: 'p.15',
    meaning: 'an event id already received with a different content',
    message: 'This HR event id was already received with a different content (order No. 21 p.15): event ids are unique',
    docs: 'accounts.md#the-hr-feed',
  },
} as const satisfies Record<string, CodeEntry>;

export type Code = keyof typeof CODES;

/** The codes a stage answers (e.g. `CodeOfStage<'subgraph'>`). */
export type CodeOfStage<S extends Stage> = { [K in Code]: S extends (typeof CODES)[K]['stages'][number] ? K : never }[Code];

const registered: Readonly<Record<string, CodeEntry>> = CODES;

export function isCode(value: unknown): value is Code {
  return typeof value === 'string' && Object.hasOwn(registered, value);
}

export function codeEntry(code: Code): CodeEntry {
  const entry = registered[code];
  if (!entry) throw new TypeError(`Unregistered code ${String(code)} (schema/src/codes.ts)`);
  return entry;
}

/** The statuses a code may be answered with, its default first. */
export function allowedStatuses(code: Code): readonly number[] {
  const entry = codeEntry(code);
  return entry.statuses ?? [entry.status];
}
