/**
 * The console in a real browser (Debian's chromium driven by playwright-core) against the real gateway and a
 * journal in PostgreSQL: a supervisor finds a flagged request, verifies its receipt in the page and marks it
 * reviewed; internal security downloads an extract whose proofs verify; a user without the grant sees a refusal.
 * Every request to a non-loopback address fails the test (spec Appendix 4). Screenshots and PDFs go to
 * test-output/console/.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, loopback } from '../chromium.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkProofDocument, type InclusionProofDocument } from '@negiz/journal';
import { ensureConsoleBundle } from '../../src/console/bundle.ts';
import { IIN } from '../harness.ts';
import { CASES, consoleGateway, type ConsoleGateway } from './console-gateway.ts';

export const OUTPUT = fileURLToPath(new URL('../../../test-output/console/', import.meta.url));

let g: ConsoleGateway;
let browser: Browser;
let base: string;
beforeAll(async () => {
  ensureConsoleBundle();
  g = await consoleGateway();
  await g.h.app.listen({ host: '127.0.0.1', port: 0 });
  const address = g.h.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  if (existsSync(CHROMIUM)) browser = await launchChromium();
  mkdirSync(OUTPUT, { recursive: true });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await g?.close();
});

/** A page whose every request is checked: anything off loopback is refused and recorded, and fails the test. */
async function openConsole(language = 'en'): Promise<{ context: BrowserContext; page: Page; outside: string[]; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'kk-KZ' });
  const outside: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (loopback(url)) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    if (!loopback(request.url())) outside.push(request.url());
  });
  await context.addInitScript((l) => localStorage.setItem('negiz-console-language', l), language);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  await page.goto(`${base}/console/`);
  return { context, page, outside, problems };
}

describe.skipIf(!existsSync(CHROMIUM))('the console in chromium', () => {
  it('a supervisor finds the flagged request first, verifies its receipt in the page, marks it reviewed, exports CSV and PDF', async () => {
    const { context, page, outside, problems } = await openConsole('en');
    await page.getByTestId('login').waitFor();
    await page.screenshot({ path: `${OUTPUT}console-login.png` });
    await page.getByTestId('login-chief').click();
    await page.getByTestId('supervisor-view').waitFor();
    await page.getByTestId('requests').waitFor();

    // Flagged first: the request on the case that does not name its subject, with the reason.
    const first = page.locator('[data-testid="requests"] tbody tr').first();
    expect(await first.getAttribute('data-flagged')).toBe('true');
    expect(await first.getByTestId('flag').first().textContent()).toMatch(/Subject not in the case/);
    expect(await first.textContent()).toContain(CASES.unnamed);
    // The refused request is in the refusals chart (its numbers are in the chart's table).
    expect(await page.getByTestId('chart-refusals').textContent()).toMatch(/Case not in your hands\s*1/);
    expect(await page.getByTestId('chart-user').textContent()).toMatch(/inv1\s*3/);
    await page.screenshot({ path: `${OUTPUT}console-supervisor.png`, fullPage: true });

    // Filter by flag: only the flagged request remains.
    await page.getByTestId('filter-flag').selectOption('SUBJECT_NOT_IN_CASE');
    await page.getByTestId('filter-apply').click();
    await expect.poll(() => page.locator('[data-testid="requests"] tbody tr').count()).toBe(1);

    // Drill down: basis, services, the receipt's inclusion proof verified in the page.
    const id = (await first.locator('td').first().textContent())!;
    await page.getByTestId(`open-${id}`).click();
    const detail = page.getByTestId('detail');
    expect(await detail.getByTestId('detail-basis').textContent()).toContain(CASES.unnamed);
    await expect.poll(() => detail.getByTestId('proof').getAttribute('data-verified'), { timeout: 15_000 }).toBe('true');
    expect(await detail.getByTestId('proof-status').textContent()).toMatch(/Inclusion proof verified/);

    // The review, journaled: the mark appears, and the journal holds the review of this entry.
    await detail.getByTestId('review-comment').fill('Checked against the case file: subject questioned as a witness');
    await detail.getByTestId('review-submit').click();
    await expect.poll(() => page.getByTestId('review').textContent(), { timeout: 10_000 }).toMatch(/Reviewed: chief/);
    expect(await first.getByTestId('reviewed-mark').textContent()).toMatch(/Reviewed/);
    const size = await g.journal.store.size();
    const entries = await g.journal.store.entries(0, size);
    const reviews = entries
      .map((e) => JSON.parse(e.body) as { operation: { name?: string }; note?: { reviewOf?: number } })
      .filter((b) => b.operation.name === 'reports.review');
    expect(reviews.map((r) => r.note?.reviewOf)).toEqual([Number(id)]);
    await page.screenshot({ path: `${OUTPUT}console-request.png`, fullPage: true });

    // CSV of what is on screen (the API's CSV with the same filters), and the PDF of the print view.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(readFileSync((await csv.path())!, 'utf8')).toMatch(/^id,localTime,login/);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: `${OUTPUT}console-supervisor.pdf`, format: 'A4', landscape: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(`${OUTPUT}console-supervisor.pdf`).size).toBeGreaterThan(5_000);

    expect(outside, `requests left the machine: ${outside.join(', ')}`).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('internal security downloads the extract on a person, and every proof in it verifies; the print view makes a PDF', async () => {
    const { context, page, outside, problems } = await openConsole('ru');
    await page.getByTestId('login-usb').click();
    await page.getByTestId('security-view').waitFor();
    await page.getByTestId('subject-iin').fill(IIN);
    await page.getByTestId('subject-search').click();
    await page.getByTestId('lookups').waitFor();
    expect(await page.locator('[data-testid="lookups"] tbody tr').count()).toBe(3);
    expect(await page.getByTestId('lookups').textContent()).toContain('Отказано');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-extract').click()]);
    const extract = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      subject: { value: string };
      entries: Array<{ entry: { id: number }; proof: InclusionProofDocument; verifiedInPage: boolean }>;
    };
    expect(extract.subject.value).toBe(IIN);
    expect(extract.entries).toHaveLength(3);
    for (const e of extract.entries) {
      expect(e.verifiedInPage).toBe(true);
      expect(e.proof.entryId).toBe(e.entry.id);
      expect(await checkProofDocument(e.proof, g.journal.key)).toBe(true);
    }
    await expect.poll(() => page.getByTestId('extract-status').textContent()).toMatch(/Доказательство включения проверено \(3\)/);
    await page.screenshot({ path: `${OUTPUT}console-security.png`, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: `${OUTPUT}console-security.pdf`, format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('a user without the grant sees the refusal in their language, not an empty page', async () => {
    const { context, page, outside, problems } = await openConsole('kk');
    await page.getByTestId('login-inv1').click();
    const refusal = page.getByTestId('refusal');
    await refusal.waitFor();
    expect(await refusal.getByTestId('refusal-code').textContent()).toBe('REPORTS_GRANT_REQUIRED');
    expect(await refusal.getByTestId('refusal-text').textContent()).toBe('REPORTS рұқсаты қажет');
    await page.screenshot({ path: `${OUTPUT}console-refused.png` });
    await page.getByTestId('language').selectOption('ru');
    expect(await refusal.getByTestId('refusal-text').textContent()).toBe('Требуется допуск REPORTS');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.getByTestId('tab-security').click();
    await page.getByTestId('subject-iin').fill(IIN);
    await page.getByTestId('subject-search').click();
    expect(await page.getByTestId('refusal-code').textContent()).toBe('INTERNAL_SECURITY_GRANT_REQUIRED');
    // Keyboard: back from the search button, Shift+Tab alone reaches the field, the tabs and the language switch.
    await page.getByTestId('subject-search').focus();
    const reached: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Shift+Tab');
      reached.push(
        await page.evaluate(() => {
          const focused = (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }).document
            .activeElement;
          return focused?.getAttribute('data-testid') ?? '';
        }),
      );
    }
    expect(reached).toEqual(expect.arrayContaining(['subject-iin', 'tab-operator', 'tab-security', 'tab-supervisor', 'language']));
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('the operator blocks an account and gives a grant, each with its reason, journaled by the register', async () => {
    const { context, page, outside, problems } = await openConsole('en');
    await page.getByTestId('login-operator').click();
    await page.getByTestId('operator-view').waitFor();
    const row = page.getByTestId('account-inv1');
    expect(await row.getByTestId('account-status-cell').textContent()).toBe('ACTIVE');
    await page.getByTestId('manage-inv1').click();
    const form = page.getByTestId('account-action');
    // No reason, no action: the button stays disabled until one is written.
    expect(await form.getByTestId('account-submit').isDisabled()).toBe(true);
    await form.getByTestId('account-action-kind').selectOption('block');
    await form.getByTestId('account-reason').fill('Service inquiry opened, order No. 45');
    await form.getByTestId('account-submit').click();
    await expect.poll(() => row.getByTestId('account-status-cell').textContent()).toBe('BLOCKED');
    // REPORTS needs the letter's reference: refused without it, given with it.
    await form.getByTestId('account-action-kind').selectOption('grant');
    await form.getByTestId('account-grant-kind').selectOption('REPORTS');
    await form.getByTestId('account-reason').fill('Appointed head of unit');
    await form.getByTestId('account-submit').click();
    await expect.poll(() => form.getByTestId('account-status').textContent()).toMatch(/Invalid account change \(ACCOUNT_CHANGE_INVALID\)/);
    await form.getByTestId('account-document').fill('No. 3-12/4590 of 01.12.2026');
    await form.getByTestId('account-submit').click();
    await expect.poll(() => row.getByTestId('account-grants').textContent()).toBe('REPORTS');
    await page.screenshot({ path: `${OUTPUT}console-operator.png`, fullPage: true });
    const size = await g.journal.store.size();
    const names = (await g.journal.store.entries(0, size)).map((e) => (JSON.parse(e.body) as { operation: { name?: string } }).operation.name);
    expect(names).toEqual(expect.arrayContaining(['account.block', 'account.grant.REPORTS']));
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
