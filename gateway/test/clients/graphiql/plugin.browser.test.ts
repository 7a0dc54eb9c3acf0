/**
 * GraphiQL in a real browser (Debian's chromium driven by playwright-core) against the real gateway: a demo
 * analyst logs in, picks a case, runs a query, sees data and a redacted field's reason. Every request to a
 * non-loopback address fails the test (spec Appendix 4: the analysts' network reaches no other host).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, loopback } from '../../chromium.ts';
import type { Browser } from 'playwright-core';
import type { Harness } from '../../harness.ts';
import { IIN } from '../../harness.ts';
import { ensureGraphiqlBundle } from '../fixtures/bundle.ts';
import { DEMO_CASE, graphiqlGateway } from '../fixtures/graphiql-gateway.ts';

export const SCREENSHOTS = fileURLToPath(new URL('../../../../test-output/clients/', import.meta.url));

const QUERY = `query CivilCheck($iin: IIN!) {
  person(iin: $iin) {
    lastName
    firstName
    pensionContributions { period agent amount }
  }
}`;

let h: Harness;
let browser: Browser;
let base: string;
beforeAll(async () => {
  ensureGraphiqlBundle();
  h = await graphiqlGateway();
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  const address = h.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe.skipIf(!existsSync(CHROMIUM))('GraphiQL in chromium', () => {
  it('logs in as a demo analyst, picks a case, runs a query, sees data and the reason of a redacted field', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const outside: string[] = [];
    const seen: string[] = [];
    // Every request of the page and its workers: anything not on loopback is refused and fails the test.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      seen.push(url);
      if (loopback(url)) return route.continue();
      outside.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('request', (request) => {
      if (!loopback(request.url())) outside.push(request.url());
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    // The page's Content-Security-Policy must not have had to stop anything (it would mean a load from elsewhere).
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });

    const url = `${base}/graphiql?query=${encodeURIComponent(QUERY)}&variables=${encodeURIComponent(JSON.stringify({ iin: IIN }, null, 2))}`;
    await page.goto(url);
    await page.getByTestId('login').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}graphiql-login.png` });
    await page.getByTestId('login-judge1').click();

    // The basis panel offers the analyst's own cases.
    await page.getByTestId('basis-panel').waitFor();
    await page.getByTestId('basis-type').selectOption('CIVIL');
    await page.getByTestId('basis-number').selectOption(DEMO_CASE.number);
    await expect.poll(() => page.getByTestId('basis-summary').textContent()).toContain(DEMO_CASE.number);
    expect(await page.getByTestId('basis-subjects').textContent()).toContain(IIN);

    // The documentation is loaded (schema with service notes), then the query runs.
    await page.locator('.graphiql-execute-button').waitFor();
    await expect.poll(async () => page.locator('.graphiql-query-editor').textContent(), { timeout: 15_000 }).toContain('CivilCheck');
    const answer = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('CivilCheck'));
    await page.locator('.graphiql-execute-button').click();
    const body = (await (await answer).json()) as { data?: { person?: { lastName?: string } } };
    expect(body.data?.person?.lastName).toBe('Last012');

    // Data in the response editor (scrolled to its end: GraphiQL lists errors first), and the withheld amount
    // explained in the panel.
    await expect.poll(async () => page.locator('.graphiql-response').textContent(), { timeout: 15_000 }).toContain('REDACTED');
    await page.locator('.graphiql-response .monaco-editor').click();
    await page.keyboard.press('Control+End');
    await expect.poll(async () => page.locator('.graphiql-response').textContent(), { timeout: 15_000 }).toContain('Last012');
    const refusal = page.getByTestId('refusal').first();
    await refusal.waitFor();
    expect(await refusal.getByTestId('refusal-code').textContent()).toBe('REDACTED');
    expect(await refusal.getByTestId('refusal-reason').textContent()).toMatch(/truncated/);
    expect(await refusal.getByTestId('refusal-rule').textContent()).toMatch(/Appendix 2, row 11, column 4/);
    await page.screenshot({ path: `${SCREENSHOTS}graphiql-redacted.png` });

    // The panels in Russian and Kazakh: the code's words from the console's messages, the API's message as it is.
    await page.getByTestId('language').selectOption('ru');
    expect(await refusal.getByTestId('refusal-explain').textContent()).toBe('Скрыто в сокращённой форме');
    expect(await page.getByTestId('refusals').locator('h2').textContent()).toBe('Скрыто и отказано');
    await page.getByTestId('language').selectOption('kk');
    expect(await refusal.getByTestId('refusal-explain').textContent()).toBe('Қысқартылған түрде жасырылған');
    expect(await refusal.getByTestId('refusal-reason').textContent()).toMatch(/truncated/);
    await page.getByTestId('language').selectOption('en');

    // The documentation shows the service of a field: Query.person comes from service 1.
    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().click();
    await docs.getByText('person', { exact: true }).first().click();
    await expect.poll(async () => docs.textContent(), { timeout: 10_000 }).toMatch(/Service 1: Individuals/);
    await page.screenshot({ path: `${SCREENSHOTS}graphiql-docs.png` });

    expect(outside, `requests left the machine: ${outside.join(', ')}`).toEqual([]);
    expect(seen.some((u) => u.endsWith('.worker.js'))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
