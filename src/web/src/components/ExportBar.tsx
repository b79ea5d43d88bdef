import { useState } from 'react';
import { api, type PairAnalysis } from '../api.js';

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Export the brief: PDF through the browser's own print (print stylesheet), Markdown or JSON from the API. */
export function ExportBar({ pair, jurisdiction }: { pair: PairAnalysis; jurisdiction: string }) {
  const [msg, setMsg] = useState('');
  const ids = [pair.a.id, pair.b.id];
  const slug = ids.join('-');
  const get = async (format: 'md' | 'json') => {
    try {
      const text = await api.briefText(ids, format, jurisdiction);
      download(`crosstalk-${slug}.${format}`, text, format === 'md' ? 'text/markdown' : 'application/json');
      setMsg(`Downloaded crosstalk-${slug}.${format}`);
    } catch (e) {
      setMsg((e as Error).message);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setMsg('Link copied');
    } catch {
      setMsg(`Permalink: ${window.location.href}`);
    }
  };
  return (
    <div className="export" role="group" aria-label="Export and share">
      <button type="button" onClick={() => window.print()}>
        Print / PDF
      </button>
      <button type="button" onClick={() => void get('md')}>
        Markdown
      </button>
      <button type="button" onClick={() => void get('json')}>
        JSON
      </button>
      <a className="permalink" href={`/?s=${ids.join(',')}`} data-testid="permalink">
        Permalink
      </a>
      <button type="button" onClick={() => void copy()}>
        Copy link
      </button>
      <span role="status" className="muted">
        {msg}
      </span>
    </div>
  );
}
