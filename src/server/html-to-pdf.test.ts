import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCrosstalkError } from '../core/index.js';
import { findChromium, htmlToPdf } from './html-to-pdf.js';

describe('htmlToPdf (server-and-web-app: explain --format pdf)', () => {
  it.skipIf(!findChromium())('prints HTML to an A4 PDF with Chromium', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosstalk-pdf-'));
    try {
      const out = join(dir, 'brief.pdf');
      const r = await htmlToPdf('<h1>Cannabis and Kratom</h1><p>Educational use only.</p>', out);
      expect(existsSync(out)).toBe(true);
      expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
      expect(r.bytes).toBeGreaterThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says clearly when Chromium is missing', async () => {
    const prev = process.env.CROSSTALK_CHROMIUM;
    process.env.CROSSTALK_CHROMIUM = '/nonexistent/chromium';
    try {
      await expect(htmlToPdf('<p>x</p>', '/tmp/never.pdf')).rejects.toSatisfy((e: unknown) => isCrosstalkError(e) && e.code === 'TOOL_NO_CHROMIUM' && /no Chromium found/.test(e.message));
    } finally {
      if (prev === undefined) delete process.env.CROSSTALK_CHROMIUM;
      else process.env.CROSSTALK_CHROMIUM = prev;
    }
  });
});
