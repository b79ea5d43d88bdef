/**
 * Printing gives the whole brief: while the page prints, every tab's content is rendered one after another and
 * every collapsed <details> is opened (and closed again afterwards). `beforeprint` covers the browser's Print;
 * the `print` media query covers headless printing (Playwright's emulateMedia before page.pdf).
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => typeof window !== 'undefined' && window.matchMedia('print').matches);
  useEffect(() => {
    const opened: HTMLDetailsElement[] = [];
    const start = () => {
      // Synchronously, so the print snapshot already holds every section.
      flushSync(() => setPrinting(true));
      for (const d of document.querySelectorAll('details')) {
        if (d.open) continue;
        d.open = true;
        opened.push(d);
      }
    };
    const stop = () => {
      for (const d of opened.splice(0)) d.open = false;
      setPrinting(false);
    };
    const mq = window.matchMedia('print');
    const onChange = (e: MediaQueryListEvent) => (e.matches ? start() : stop());
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', stop);
    mq.addEventListener('change', onChange);
    return () => {
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', stop);
      mq.removeEventListener('change', onChange);
    };
  }, []);
  return printing;
}

