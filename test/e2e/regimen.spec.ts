/**
 * Issue 14 in the browser: a list opens on its worst pair with every pair in a grid, the combined effects, severity
 * and evidence apart, a readable graph (label boxes measured at 1280 and 390 px), the phone layout, and the rough
 * edges (duplicates, stale errors, very long names, the simulator's default population, limit messages).
 */
import { expect, test, type Page } from '@playwright/test';
import { SHOTS, watchErrors } from './helpers.js';

const REGIMEN = '/?s=kratom,oxycodone,alprazolam';

test('regimen: every pair worst first, the red oxycodone + alprazolam pair open, combined depression flagged', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(REGIMEN);
  await expect(page.getByTestId('worst-pair')).toHaveText('Oxycodone + Alprazolam');
  const cells = page.getByTestId('pair-cell');
  await expect(cells).toHaveCount(3);
  // Worst first: the red pair leads, and the tiers never get better-then-worse down the grid.
  const tiers = await cells.evaluateAll((cs) => cs.map((c) => c.getAttribute('data-tier')));
  expect(tiers[0]).toBe('red');
  const rank: Record<string, number> = { red: 4, amber: 3, yellow: 2, grey: 1, green: 0 };
  for (let i = 1; i < tiers.length; i++) expect(rank[tiers[i]!]).toBeLessThanOrEqual(rank[tiers[i - 1]!]!);
  await expect(cells.first()).toHaveAttribute('aria-pressed', 'true');
  await expect(cells.first()).toContainText('Oxycodone + Alprazolam');
  // The pair below is the red one, with severity and evidence as two axes and the tier rule beside the tier.
  await expect(page.locator('#verdict-h')).toContainText('Oxycodone and Alprazolam');
  await expect(page.getByTestId('axis-severity')).toContainText('High');
  await expect(page.getByTestId('axis-evidence')).toContainText('drug label');
  // One tier rule, one wording (issue 17): the page shows the engine's PAIR_AXES text from the API, not a copy of its own.
  const check = await page.request.post('/api/check', { data: { substances: ['kratom', 'oxycodone', 'alprazolam'] } });
  const axes = ((await check.json()) as { pairs: { statements: { code?: string; technical: string }[] }[] }).pairs[0]!.statements.find((x) => x.code === 'PAIR_AXES');
  expect(axes?.technical).toMatch(/^Tier rule: red when/);
  await expect(page.getByTestId('tier-rule')).toHaveCount(2); // the list's verdict and the open pair's
  for (const rule of await page.getByTestId('tier-rule').all()) await expect(rule).toHaveText(axes!.technical);
  await expect(page.getByText('The tier is the worst of')).toHaveCount(0);
  // Three substances add to CNS and respiratory depression: each named, the addition flagged.
  for (const id of ['cns-depression', 'respiratory-depression']) {
    const e = page.getByTestId(`effect-${id}`);
    await expect(e).toContainText('3 of the chosen substances');
    for (const n of ['Kratom', 'Oxycodone', 'Alprazolam']) await expect(e).toContainText(n);
  }
  await page.screenshot({ path: `${SHOTS}/regimen-grid.png`, fullPage: true });
  // Choosing another cell opens that pair.
  await cells.filter({ hasText: 'Kratom + Oxycodone' }).click();
  await expect(page.locator('#verdict-h')).toContainText('Kratom and Oxycodone');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(REGIMEN);
  await expect(page.getByTestId('worst-pair')).toBeVisible();
  // On a phone the verdict comes first: it starts on the first screen.
  const top = await page.getByTestId('overall-verdict').evaluate((e) => e.getBoundingClientRect().top);
  expect(top).toBeLessThan(844 * 0.6);
  expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/regimen-phone.png` });
  expect(errors).toEqual([]);
});

/** Every graph label's box and font size, measured in the page. */
async function labelBoxes(page: Page) {
  return page.evaluate<{ text: string; x: number; y: number; w: number; h: number; px: number }[]>(
    `[...document.querySelectorAll('[data-graph-label]')].map((el) => { const r = el.getBoundingClientRect(); return { text: el.textContent, x: r.x, y: r.y, w: r.width, h: r.height, px: parseFloat(getComputedStyle(el).fontSize) }; })`,
  );
}

function overlaps(bs: Awaited<ReturnType<typeof labelBoxes>>): string[] {
  const out: string[] = [];
  for (let i = 0; i < bs.length; i++)
    for (let j = i + 1; j < bs.length; j++) {
      const a = bs[i]!;
      const b = bs[j]!;
      // Half a pixel of tolerance for sub-pixel rounding of adjacent lines.
      if (a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5) out.push(`${a.text} × ${b.text}`);
    }
  return out;
}

test('graph: labels at least 11 px and never overlapping at 1280 and 390 px; every node reachable by keyboard', async ({ page }) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/?s=cannabis,kratom');
    await expect(page.getByTestId('graph-canvas').locator('.gnode').first()).toBeVisible();
    await page.getByRole('button', { name: 'All targets and enzymes' }).click();
    await page.getByRole('checkbox', { name: 'Show constituents' }).check();
    await expect.poll(() => page.locator('.g-constituent').count()).toBeGreaterThan(0);
    const boxes = await labelBoxes(page);
    expect(boxes.length).toBeGreaterThan(40);
    expect(boxes.filter((b) => b.px < 11).map((b) => `${b.text} ${b.px}px`)).toEqual([]);
    expect(overlaps(boxes)).toEqual([]);
    await page.getByTestId('graph-canvas').screenshot({ path: `${SHOTS}/graph-${width}.png` });
  }
  // Keyboard: every node is a button in reading order; Enter shows its findings.
  const cb1 = page.locator('[data-node-id="t:cb1"]');
  await cb1.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Details of the selection' })).toContainText('Cannabinoid receptor 1');
  await page.keyboard.press('Tab');
  expect(await page.evaluate<string | null>("document.activeElement.getAttribute('data-node-id')")).toMatch(/^t:/);
});

test('print: the PDF holds the whole brief — verdict, grid, pathways, exposure, evidence, sources — on few pages', async ({ page }) => {
  const { execFileSync } = await import('node:child_process');
  const { readdirSync, rmSync } = await import('node:fs');
  await page.goto(REGIMEN);
  await expect(page.getByTestId('worst-pair')).toBeVisible();
  await expect(page.locator('.claim').first()).toBeAttached({ timeout: 20_000 }).catch(() => undefined);
  await page.emulateMedia({ media: 'print' });
  // Printing renders every tab and opens every collapsed section.
  for (const h of ['How they connect', 'Predicted exposure change, each way', 'What the evidence supports, and what it does not', 'Risk notes']) await expect(page.getByRole('heading', { name: h, exact: true })).toBeVisible();
  await expect(page.locator('.claim').first()).toBeVisible();
  expect(await page.locator('details:not([open])').count()).toBe(0);
  // The graph ends above its legend.
  const graphBottom = await page.locator('.pgraph').evaluate((e) => e.getBoundingClientRect().bottom);
  const legendTop = await page.locator('.legend').evaluate((e) => e.getBoundingClientRect().top);
  expect(legendTop).toBeGreaterThanOrEqual(graphBottom);
  const pdfPath = `${SHOTS}/brief-regimen.pdf`;
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
  // Pages to PNG with poppler's pdftoppm (one file per page), text with pdftotext.
  for (const f of readdirSync(SHOTS)) if (f.startsWith('print-page')) rmSync(`${SHOTS}/${f}`);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, `${SHOTS}/print-page`]);
  const pages = readdirSync(SHOTS).filter((f) => f.startsWith('print-page') && f.endsWith('.png'));
  expect(pages.length).toBeGreaterThanOrEqual(3);
  expect(pages.length).toBeLessThanOrEqual(14);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString().replace(/\s+/g, ' ');
  for (const t of [
    'Educational use only',
    'worst is Oxycodone + Alprazolam',
    'Every pair, worst first',
    'Effects they add to together',
    'Severity — what could happen',
    'Evidence — how sure we are',
    'How they connect',
    'CYP3A4',
    'Predicted exposure change',
    'Doses this check assumes',
    'What the evidence supports',
    'Every statement, with its evidence level',
    'FDA Drug Safety Communication',
  ])
    expect(text).toContain(t);
  // Controls do not print.
  expect(text).not.toContain('Add a substance');
  expect(text).not.toContain('Copy link');
});

test('rough edges: duplicates listed once, no stale error after removing an unknown name, a 5,000-character name answered plainly', async ({ page }) => {
  const errors = watchErrors(page);
  // weed is cannabis: one chip, and the page says why.
  await page.goto('/?s=weed,kratom,cannabis');
  const chips = page.getByRole('list', { name: 'Chosen substances' }).getByRole('listitem');
  await expect(chips).toHaveCount(2);
  await expect(page.getByTestId('note')).toContainText('same substance');
  await expect(page.getByTestId('verdict-answer')).toHaveText('Yes');
  await expect(page).toHaveURL(/\?s=cannabis,kratom$/);
  // An unknown name: its error goes with its chip.
  await page.goto('/?s=kratom,notarealherbzz');
  await expect(page.getByTestId('error')).toContainText("no substance called 'notarealherbzz'");
  await page.getByRole('button', { name: 'Remove notarealherbzz' }).click();
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Chosen substances' })).toContainText('Kratom');
  // A 5,000-character name: a plain message, no request, no exception.
  await page.goto(`/?s=kratom,${'x'.repeat(5000)}`);
  await expect(page.getByTestId('error')).toContainText('5,000 characters long; names are at most 100 characters');
  await page.getByRole('button', { name: /^Remove x+/ }).click();
  await expect(page.getByTestId('error')).toHaveCount(0);
  expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
});

test('simulator: the default population always runs (a week of daily kratom), with the limit said in plain words', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?s=cannabis,kratom&tab=exposure');
  await expect(page.getByTestId('dose-used').first()).toContainText('At ');
  // The check states its doses, and the medicine dose is one click away (tiers recomputed at it).
  await expect(page.getByTestId('dose-cannabis')).toContainText('joint');
  await page.getByRole('group', { name: 'Usage of Cannabis' }).getByRole('button', { name: /medicine dose/ }).first().click();
  await expect(page.getByRole('group', { name: 'Usage of Cannabis' }).getByRole('button', { name: /medicine dose/ }).first()).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('dose-cannabis')).toContainText('a medicine dose');
  // The choice is in the URL: a permalink reproduces it.
  await expect(page).toHaveURL(/u=cannabis:medicine/);
  await page.getByLabel('Kratom dose').fill('2 g qd 7d');
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.getByTestId('curve-plot').locator('g[aria-label="area"] path').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('sim-status')).toHaveCount(0);
  await expect(page.getByTestId('sim-doses')).toContainText('Kratom 2 g qd 7d');
  await expect(page.getByTestId('band-note')).toContainText('person-hours at a time');
  await expect(page.getByTestId('band-note')).not.toContainText('horizonH');
  // Another dose one click away: the cards are redone at it and say so.
  const kratom = page.getByRole('group', { name: 'Dose of Kratom' });
  await kratom.getByRole('textbox').fill('4 g');
  await kratom.getByRole('button', { name: 'Use' }).click();
  await expect(page.getByTestId('doses-changed')).toContainText('Kratom: 4 g');
  await expect(page.getByTestId('dose-used').filter({ hasText: 'Kratom 4 g' }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/exposure-doses.png`, fullPage: true });
  expect(errors).toEqual([]);
});
