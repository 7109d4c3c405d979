/**
 * The run viewer in a real browser: Debian's headless Chromium driven by playwright-core against the
 * compiled app on the embedded host (npm test builds it first). Skips, saying so, without Chromium.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, type Flowline, PROJECT_ROOT, startBackend, startFlowline } from '../workflows/helpers';

const CHROMIUM = process.env['FLOWLINE_CHROMIUM'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`run viewer browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

const SCREENSHOT = resolve(PROJECT_ROOT, 'test-results', 'viewer-run.png');
const XSS = `<img src=x onerror="document.title='pwned'">`;

const order = (orderId: string) => ({
  orderId,
  customer: 'Contoso',
  lines: [{ sku: 'B-2', quantity: 1, unitPrice: 10 }],
});

describe.skipIf(!hasChromium)('the run viewer in Chromium', () => {
  let inventory: Backend;
  let flowline: Flowline;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let failedRun = '';
  let xssRun = '';

  beforeAll(async () => {
    inventory = await startBackend((call) => {
      const id = call.headers['x-order-id'];
      if (id === 'sold-out') return { status: 409, body: { message: 'B-2 is sold out' } };
      return { status: 200, body: { reservationId: 'res-1' }, delayMs: id === 'slow' ? 1_500 : 0 };
    });
    flowline = await startFlowline({ INVENTORY_API_URL: inventory.url });
    const ok = await flowline.invoke('order-intake', order(XSS));
    xssRun = ok.headers.get('x-flowline-run-id') ?? '';
    const refused = await flowline.invoke('order-intake', order('sold-out'));
    expect(refused.status).toBe(409);
    failedRun = refused.headers.get('x-flowline-run-id') ?? '';
    expect((await flowline.waitForRun('order-intake', failedRun)).status).toBe('Failed');
    expect((await flowline.waitForRun('order-intake', xssRun)).status).toBe('Succeeded');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(5_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await flowline?.stop();
    await inventory?.close();
  });

  it('lists the workflow with its run count and failure rate', async () => {
    await page.goto(`${flowline.origin}/api/viewer/`);
    const row = page.locator('tr[data-workflow="order-intake"]');
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([
      'order-intake',
      '2',
      '0',
      '1',
      '50.0 %',
      expect.any(String) as string,
    ]);
  });

  it('finds the failed run, opens it and shows the failing action with its error', async () => {
    await page.getByRole('link', { name: 'order-intake', exact: true }).click();
    await page.locator('tr[data-run]').first().waitFor();
    await page.getByLabel('Status').selectOption('Failed');
    await page.locator('tr[data-run]:not([data-status="Failed"])').first().waitFor({ state: 'detached' });
    const rows = page.locator('tr[data-run]');
    // Searched on the server: by part of the run id, then by a tracked property of Reserve_stock.
    await page.getByLabel('Search runs').fill(failedRun.slice(0, 8));
    await page.getByText(/^1 found in the latest \d+ runs$/).waitFor();
    expect(await rows.count()).toBe(1);
    await page.getByLabel('Search runs').fill('orderid=sold');
    await page.locator('tr[data-run] td', { hasText: 'orderId=sold-out' }).waitFor();
    expect(await rows.count()).toBe(1);
    await rows.getByRole('link', { name: failedRun }).click();

    const action = page.locator('[data-action="Reserve_stock"]');
    const error = action.locator('summary [data-error]');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toContain(
      'Conflict: The HTTP request failed with status code 409 (Conflict).',
    );
    // The failing action is opened: its outputs show the backend's answer.
    expect(await action.locator('pre').allTextContents()).toContainEqual(
      expect.stringContaining('B-2 is sold out') as string,
    );
    expect(await page.locator('[data-gantt="Reserve_stock"] .gbar.s-Failed').count()).toBe(1);
    expect(await page.locator('[data-action="Accepted"] summary').textContent()).toContain('Skipped');
    expect(await page.locator('[data-iteration]').count()).toBe(1); // Add_up_lines ran one line
    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('resubmits the run and shows the new run, which the run list then includes', async () => {
    await page.getByRole('button', { name: 'Resubmit' }).click();
    const heading = page.locator(`h1[data-run]:not([data-run="${failedRun}"])`);
    await heading.waitFor();
    const newRun = (await heading.getAttribute('data-run')) ?? '';
    expect(newRun).not.toBe(failedRun);
    expect(await page.locator('#notice').textContent()).toBe(`Resubmitted run ${failedRun} as ${newRun}.`);
    expect(await page.locator('.meta a').textContent()).toBe(failedRun); // "Resubmit of"
    const view = await flowline.waitForRun('order-intake', newRun);
    expect(view.originRunId).toBe(failedRun);

    await page.locator('#crumbs a').click();
    await page.getByLabel('Search runs').fill('');
    await page.getByLabel('Status').selectOption('');
    const row = page.locator(`tr[data-run="${newRun}"]`);
    await row.waitFor();
    expect(await row.locator('a').allTextContents()).toEqual([newRun, failedRun.slice(0, 8)]);
    expect(await page.locator('tr[data-run]').count()).toBe(3);
  });

  it('shows data as text, never as markup', async () => {
    await page.goto(`${flowline.origin}/api/viewer/#/w/order-intake/${xssRun}`);
    const inputs = page.locator('[data-action="Reserve_stock"] pre').first();
    await page.locator('[data-action="Reserve_stock"] summary').click();
    await inputs.waitFor({ state: 'visible' });
    expect(await inputs.textContent()).toContain(XSS.replaceAll('"', '\\"'));
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    expect(pageErrors).toEqual([]);
  });

  it('follows a run in progress until it ends', async () => {
    const call = flowline.invoke('order-intake', order('slow'));
    let running: string | undefined;
    for (let i = 0; i < 100 && running === undefined; i++) {
      const list = (await (
        await fetch(`${flowline.origin}/api/workflows/order-intake/runs?status=Running`)
      ).json()) as { value: { id: string }[] };
      running = list.value[0]?.id;
      if (running === undefined) await new Promise((done) => setTimeout(done, 20));
    }
    await page.goto(`${flowline.origin}/api/viewer/#/w/order-intake/${running}`);
    await page.locator('h1 .s-Running').waitFor();
    expect(await page.locator('#live').textContent()).toContain('live');
    expect(await page.getByRole('button', { name: 'Cancel' }).isEnabled()).toBe(true);
    // No reload: the page polls until the run ends.
    await page.locator('h1 .s-Succeeded').waitFor();
    expect(await page.locator('[data-action="Accepted"] summary .s-Succeeded').count()).toBe(1);
    expect(await page.locator('#live').textContent()).toBe('');
    expect((await call).status).toBe(201);
    expect(pageErrors).toEqual([]);
  });
});
