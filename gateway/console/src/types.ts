/** What the Reports API answers (the journal's ReportRow, as JSON). */
export interface Flag {
  code: string;
  reason: string;
}

export interface Withheld {
  path: string;
  coordinate: string;
  service: string;
  code: string;
  rule: { appendix: number; row: number; column: number; note?: string };
}

export interface ReportRow {
  id: number;
  receivedAt: string;
  localTime: string;
  login: string | null;
  role: number;
  organisation: string;
  client: { kind: string; id: string };
  basisType: string | null;
  basisNumber: string | null;
  verification: string | null;
  instruction: string | null;
  reason: string | null;
  operation: { name?: string; documentHash: string; kind: string };
  subjects: Array<{ kind: string; value: string }> | null;
  servicesCalled: string[];
  withheld: Withheld[];
  outcome: string;
  refusal: string | null;
  note?: Record<string, string | number>;
  destroyed: boolean;
  flags: Flag[];
}

export interface Report {
  organisation: string;
  from: string;
  to: string;
  count: number;
  next: string | null;
  journalEntry: string;
  entries: ReportRow[];
}

export interface Me {
  login: string;
  role: number;
  organisation: string;
  grants: string[];
}

export interface Review {
  by: string | null;
  at: string;
  comment: string | null;
}
