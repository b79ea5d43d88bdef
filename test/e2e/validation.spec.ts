/**
 * The Validation page (issue 11 §6): predicted vs observed with the bands, filters, and links from each point to its
 * study and to the pair's page. Runs the benchmark first when build/benchmark.json is missing (report to build/, so
 * the test never rewrites docs/benchmark.md).
 */
import { expect, test } from '@playwright/test';
import { SHOTS, watchErrors } from './helpers.js';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';


test.beforeAll(() => {
  // A fresh clone has no benchmark run yet: the run takes about a minute.
  test.setTimeout(240_000);
  if (!existsSync('build/benchmark.json'))
    execFileSync('node', ['bin/crosstalk.js', 'benchmark', '--out', 'build/benchmark-e2e.md'], { stdio: 'ignore', timeout: 230_000 });
});

test('validation: points on log–log axes with the bands; filters; a point leads to its study and its pair', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.goto('/validation');
  await expect(page.getByRole('heading', { name: /Validation: predicted against observed/ })).toBeVisible();
  const plot = page.getByTestId('validation-plot');
  const dots = plot.locator('g[aria-label="dot"] circle');
  await expect(dots.first()).toBeVisible();
  const all = await dots.count();
  expect(all).toBeGreaterThan(5);
  // identity line, the 2-fold limits and the Guest band
  await expect(plot.locator('g[aria-label="line"] path')).toHaveCount(3);
  await expect(plot.locator('g[aria-label="area"] path')).toHaveCount(1);
  await expect(page.getByTestId('validation-figures')).toContainText('within 2-fold');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/validation.png` });
  await plot.screenshot({ path: `${SHOTS}/validation-plot.png` });

  // Filters: the cannabis/kratom subset is smaller; the dynamic model answers fewer studies than the best estimate.
  await page.getByLabel('Subset').selectOption('cannabis-kratom');
  await expect(page.getByRole('table')).toContainText(/Cannabidiol|Kratom/);
  expect(await dots.count()).toBeLessThan(all);
  await page.getByLabel('Subset').selectOption('all');
  await page.getByLabel('Enzyme').selectOption('cyp3a4');
  await expect(page.getByRole('table')).toContainText('Midazolam');
  await page.getByLabel('Model').selectOption('dynamic');
  await expect(page.getByLabel('Model')).toHaveValue('dynamic');
  await page.getByLabel('Enzyme').selectOption('all');
  await page.getByLabel('Model').selectOption('best');

  // A point links to its study row, which links to the source and to the pair's page.
  const href = await plot.locator('a').first().getAttribute('href');
  expect(href).toMatch(/^#study-/);
  await plot.locator('a').first().click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  const row = page.locator(`tr${href}`);
  await expect(row).toBeVisible();
  const pairLink = row.getByRole('link', { name: /→/ });
  expect(await pairLink.getAttribute('href')).toMatch(/^\/\?s=[a-z0-9-]+,[a-z0-9-]+$/);
  await pairLink.click();
  await expect(page.getByTestId('verdict')).toBeVisible({ timeout: 30_000 });
  expect(errors).toEqual([]);
});
