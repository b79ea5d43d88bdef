/** The Claims page (issue 13 §3): paste a post, see each claim highlighted with its verdict, reading and reasons. */
import { expect, test } from '@playwright/test';
import { SHOTS, watchErrors } from './helpers.js';

const POST = 'Kratom only acts on opioid receptors. CBD inhibits CYP2D6. Rifampicin increases midazolam exposure.';

test('claims page: a 3-claim post gets three highlighted verdicts with readings, reasons and sources', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/claims');
  await expect(page.getByTestId('notice')).toContainText('Educational use only');
  const box = page.getByRole('textbox', { name: 'Text to check' });
  await box.fill(POST);
  await page.getByRole('button', { name: 'Check claims' }).click();
  await expect(page.getByTestId('claims-summary')).toHaveText('3 claims checked: 1 supported, 2 contradicted.');
  // Each claim marked in the text with its verdict, in order.
  const marks = page.getByTestId('highlighted').locator('a.hl');
  await expect(marks).toHaveCount(3);
  await expect(marks.nth(0)).toHaveClass(/v-contradicted/);
  await expect(marks.nth(1)).toHaveClass(/v-supported/);
  await expect(marks.nth(2)).toHaveClass(/v-contradicted/);
  await expect(marks.nth(1)).toContainText('CBD inhibits CYP2D6');
  // Each answer: verdict, the reading, reasons with evidence levels, and sources with links.
  await expect(page.getByTestId('claim-0-verdict')).toHaveText('Contradicted');
  await expect(page.getByTestId('claim-1-verdict')).toHaveText('Supported');
  await expect(page.getByTestId('claim-2-verdict')).toHaveText('Contradicted');
  await expect(page.getByTestId('claim-1-reading')).toContainText('Cannabidiol — inhibits — CYP2D6');
  await expect(page.getByTestId('claim-0-reading')).toContainText('opioid receptors');
  const third = page.getByTestId('claim-2');
  await expect(third).toContainText(/Observed in people: Rifampicin → Midazolam exposure ×0\.\d/);
  await third.getByText(/^All sources/).click();
  await expect(third.locator('.sources a').first()).toHaveAttribute('href', /^https?:\/\//);
  // The highlight links to its answer.
  await marks.nth(2).click();
  await expect(page).toHaveURL(/#claim-2$/);
  await page.screenshot({ path: `${SHOTS}/claims-page.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('claims page: an unreadable sentence names its unread words and suggests kinds; empty text is refused', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/claims');
  await page.getByRole('button', { name: 'Check claims' }).click();
  await expect(page.getByRole('alert')).toContainText('Paste some text first');
  await page.getByRole('textbox', { name: 'Text to check' }).fill('kratom is a lovely plant from Thailand');
  await page.getByRole('button', { name: 'Check claims' }).click();
  await expect(page.getByTestId('claim-0-verdict')).toHaveText('Not recognised');
  await expect(page.getByTestId('claim-0')).toContainText('words not read: lovely, plant');
  expect(await page.getByRole('list', { name: 'Claim forms Crosstalk understands' }).getByRole('listitem').count()).toBeGreaterThan(2);
  expect(errors).toEqual([]);
});
