/** The web app as a person uses it (server-and-web-app). Screenshots go to test-results/screens/. */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const SHOTS = 'test-results/screens';
mkdirSync(SHOTS, { recursive: true });

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

async function choose(page: Page, text: string, name: RegExp) {
  const box = page.getByRole('combobox', { name: 'Add a substance' });
  await box.fill(text);
  await page.getByRole('option', { name }).first().click();
}

test('type kratom, add cannabis, see shared CB1, CYP2D6 and CYP3A4 and the verdict', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('notice')).toContainText('Educational use only');
  await choose(page, 'kratom', /^Kratom plant/);
  await expect(page.getByRole('list', { name: 'Chosen substances' })).toContainText('Kratom');
  await choose(page, 'cannabis', /^Cannabis plant/);
  await expect(page).toHaveURL(/\?s=kratom,cannabis/);
  await expect(page.getByTestId('verdict-answer')).toHaveText('Yes');
  await expect(page.getByTestId('verdict')).toContainText('connected');
  const shared = page.getByTestId('shared-nodes');
  for (const n of ['CB1', 'CYP2D6', 'CYP3A4']) await expect(shared.getByRole('button', { name: n, exact: true })).toBeVisible();
  await expect(page.getByTestId('graph-canvas').locator('canvas').first()).toBeVisible();
  // Click a shared node: its findings and sources appear.
  await shared.getByRole('button', { name: 'CB1', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Details of the selection' })).toContainText('Cannabinoid receptor 1');
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${SHOTS}/home-graph.png`, fullPage: true });
  // The same graph as a table for keyboard and screen-reader users.
  await page.getByRole('button', { name: 'Table' }).click();
  const table = page.getByRole('table');
  await expect(table).toContainText('Cannabinoid receptor 1');
  await expect(table).toContainText('CYP2D6');
  await expect(table).toContainText('CYP3A4');
  expect(errors).toEqual([]);
});

test('the exposure tab shows a plot', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?s=cannabis,kratom');
  await page.getByRole('tab', { name: 'Exposure' }).click();
  await expect(page).toHaveURL(/tab=exposure/);
  await expect(page.getByTestId('ratio-plot').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('ratio-plot').locator('g[aria-label="dot"] circle').first()).toBeVisible();
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.getByTestId('curve-plot').locator('g[aria-label="line"] path').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('curve-plot').locator('g[aria-label="area"] path').first()).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/exposure-plot.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('a permalink reproduces the view, evidence tab and legal status included', async ({ page }) => {
  await page.goto('/?s=weed,kratom&tab=evidence&j=US');
  await expect(page.getByRole('list', { name: 'Chosen substances' })).toContainText('Cannabis');
  await expect(page.getByRole('tab', { name: 'Evidence' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: /What the evidence supports/ })).toBeVisible();
  await expect(page.locator('.claim').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Legal status' })).toBeVisible();
  await expect(page.locator('.legal')).toContainText('As of');
  await expect(page.getByTestId('notice')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/evidence.png`, fullPage: true });
  await page.getByTestId('permalink').click();
  await expect(page).toHaveURL(/\?s=cannabis,kratom$/);
  await expect(page.getByTestId('verdict-answer')).toHaveText('Yes');
});

test('keyboard only: search, choose, switch tabs', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab'); // home link
  await page.getByRole('combobox').focus();
  await page.keyboard.type('krat');
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type('weed');
  await expect(page.getByRole('option', { name: /Cannabis/ }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('verdict-answer')).toHaveText('Yes');
  await page.getByRole('tab', { name: 'Overview' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Exposure' })).toHaveAttribute('aria-selected', 'true');
});

test('export: print stylesheet makes a PDF; Markdown and JSON download', async ({ page }) => {
  await page.goto('/?s=cannabis,kratom');
  await expect(page.getByTestId('verdict-answer')).toHaveText('Yes');
  await expect(page.getByTestId('graph-canvas').locator('canvas').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('combobox')).toBeHidden();
  await expect(page.getByTestId('notice')).toBeVisible();
  const pdf = await page.pdf({ path: `${SHOTS}/brief.pdf`, format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: 'screen' });
  const md = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Markdown' }).click();
  expect((await md).suggestedFilename()).toBe('crosstalk-cannabis-kratom.md');
  const js = page.waitForEvent('download');
  await page.getByRole('button', { name: 'JSON' }).click();
  expect((await js).suggestedFilename()).toBe('crosstalk-cannabis-kratom.json');
});

test('phone width: the page is usable without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?s=cannabis,kratom');
  await expect(page.getByTestId('verdict-answer')).toHaveText('Yes');
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/phone.png`, fullPage: false });
});

test('the home page loads under 300 kB of compressed JavaScript', async ({ page }) => {
  const jsBytes: number[] = [];
  page.on('response', async (r) => {
    if (r.url().endsWith('.js')) jsBytes.push((await r.body()).length);
  });
  await page.goto('/');
  await expect(page.getByRole('combobox')).toBeVisible();
  // Bodies are uncompressed here; gzip roughly thirds minified JS, so 300 kB gz ≈ 900 kB raw. Check raw < 800 kB.
  const total = jsBytes.reduce((a, b) => a + b, 0);
  expect(total).toBeLessThan(800_000);
});
