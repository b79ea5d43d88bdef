/**
 * Print HTML to an A4 PDF with Debian's Chromium through playwright-core (STACK.md §4.11). Throws
 * TOOL_NO_CHROMIUM when no Chromium is installed, so `crosstalk explain --format pdf` can say so clearly.
 *
 * @example await htmlToPdf('<h1>Brief</h1>', 'brief.pdf');
 */
import { existsSync } from 'node:fs';
import { CrosstalkError } from '../core/index.js';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium to use: CROSSTALK_CHROMIUM if set, else the first installed candidate, else null. */
export function findChromium(): string | null {
  const env = process.env.CROSSTALK_CHROMIUM;
  if (env) return existsSync(env) ? env : null;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export async function htmlToPdf(html: string, outPath: string): Promise<{ path: string; bytes: number }> {
  const exe = findChromium();
  if (!exe)
    throw new CrosstalkError('TOOL_NO_CHROMIUM', `pdf: no Chromium found (looked for ${CHROMIUM_CANDIDATES.join(', ')} and $CROSSTALK_CHROMIUM); use --format html and print it from a browser`, {
      field: 'format',
    });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: exe, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // The brief is self-contained; block every network request so printing cannot fetch anything.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const buf = await page.pdf({
      path: outPath,
      format: 'A4',
      printBackground: true,
      margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#555">Crosstalk — educational use only — page <span class="pageNumber"></span>/<span class="totalPages"></span></div>',
    });
    return { path: outPath, bytes: buf.length };
  } finally {
    await browser.close();
  }
}
