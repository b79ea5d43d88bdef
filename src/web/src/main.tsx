import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './styles.css';

// /validation is its own page (predicted vs observed); everything else is the substance checker.
const ValidationPage = lazy(() => import('./components/Validation.js'));
const onValidation = window.location.pathname.replace(/\/+$/, '') === '/validation';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {onValidation ? (
      <Suspense fallback={<p role="status">Loading…</p>}>
        <ValidationPage />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
