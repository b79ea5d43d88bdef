/** A KB record with <script> in its text renders as text (server-and-web-app XSS test). */
import { expect, test } from '@playwright/test';

test('a summary holding <script> and an onerror image renders as text and runs nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto('http://127.0.0.1:4174/?s=xss-test-herb');
  await page.getByText('About Xsstest herb').click();
  const summary = page.getByTestId('summary-xss-test-herb');
  await expect(summary).toContainText('<script>alert(1)</script>');
  await expect(summary.locator('script, img')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
});
