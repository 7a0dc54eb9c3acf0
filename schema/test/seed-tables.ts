/**
 * An independent reading of Appendices 1 and 2 straight from the order's text (the seed), used as the oracle
 * the policy data files are checked against. It shares no code or data with schema/policy.
 *
 * In the seed, a table cell starts at a line holding a single tab; a row starts at a cell whose text is "N.".
 */
import { readFileSync } from 'node:fs';

const CELL_FULL = 'full';

export type SeedCell = 'full' | 'truncated' | 'articles' | 'none';

function tableRows(lines: string[], from: number, to: number): string[][] {
  const cells: string[] = [];
  let current: string[] | undefined;
  for (const line of lines.slice(from, to)) {
    if (line.startsWith('\t') && line.trim() === '') {
      if (current) cells.push(current.join('\n').trim());
      current = [];
    } else if (current) {
      current.push(line);
    }
  }
  if (current) cells.push(current.join('\n').trim());
  const rows: string[][] = [];
  for (const cell of cells) {
    if (/^\d+\.$/.test(cell)) rows.push([cell]);
    else rows.at(-1)?.push(cell);
  }
  return rows;
}

function cellValue(text: string): SeedCell {
  if (text.startsWith('тек белгілі баптар бойынша')) return 'articles'; // "only for certain articles"
  if (text.includes('қиылған')) return 'truncated'; // "truncated"
  if (text.startsWith('+')) return CELL_FULL;
  return 'none';
}

export interface SeedTables {
  /** role number -> six booleans, one per basis column */
  roles: Map<number, boolean[]>;
  /** service number -> six cells */
  services: Map<number, SeedCell[]>;
  roleNames: Map<number, string>;
  serviceNames: Map<number, string>;
}

export function readSeedTables(path: string): SeedTables {
  const lines = readFileSync(path, 'utf8').split('\n');
  const appendix1 = lines.findIndex((l) => l.includes('рөлдерін негіздер бойынша бөлу тізбесі'));
  const appendix2 = lines.findIndex((l) => l.includes('Сервистерге қолжетімділік құқықтары'));
  const footnotes = lines.findIndex((l, i) => i > appendix2 && l.trim() === 'Ескертпе:');
  if (appendix1 < 0 || appendix2 < 0 || footnotes < 0) throw new Error('seed: appendix tables not found');
  const roles = new Map<number, boolean[]>();
  const roleNames = new Map<number, string>();
  for (const row of tableRows(lines, appendix1, appendix2)) {
    const n = Number.parseInt(row[0]!, 10);
    roleNames.set(n, row[1]!.replace(/\s+/g, ' '));
    roles.set(
      n,
      row.slice(2, 8).map((c) => c.startsWith('+')),
    );
  }
  const services = new Map<number, SeedCell[]>();
  const serviceNames = new Map<number, string>();
  for (const row of tableRows(lines, appendix2, footnotes)) {
    const n = Number.parseInt(row[0]!, 10);
    serviceNames.set(n, row[1]!.replace(/\s+/g, ' ').replace(/[12]$/, ''));
    services.set(n, row.slice(2, 8).map(cellValue));
  }
  return { roles, services, roleNames, serviceNames };
}
