import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './styles.css';

// /validation is its own page (predicted vs observed), /claims the claim checker; everything else is the substance checker.
const ValidationPage = lazy(() => import('./components/Validation.js'));
const ClaimsPage = lazy(() => import('./components/ClaimCheck.js'));
const path = window.location.pathname.replace(/\/+$/, '');
const onValidation = path === '/validation';
const onClaims = path === '/claims';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {onValidation ? (
      <Suspense fallback={<p role="status">Loading…</p>}>
        <ValidationPage />
      </Suspense>
    ) : onClaims ? (
      <Suspense fallback={<p role="status">Loading…</p>}>
        <ClaimsPage />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
