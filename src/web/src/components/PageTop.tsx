import { NOTICE } from '../notice.js';

/** What every page opens with: the skip link, the header with its tagline, and the educational-use notice. */
export function PageTop({ tagline }: { tagline: string }) {
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <h1>
          <a href="/">Crosstalk</a>
        </h1>
        <p className="tagline">{tagline}</p>
      </header>
      <p className="notice" role="note" data-testid="notice">
        {NOTICE}
      </p>
    </>
  );
}
