import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
// Static: the Evidence tab already bundles the claim checker, so a lazy chunk would save nothing.
import ClaimsPage from './components/ClaimCheck.js';
import './styles.css';

// /validation is its own page (predicted vs observed), /claims the claim checker; everything else is the substance checker.
const ValidationPage = lazy(() => import('./components/Validation.js'));
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
      <ClaimsPage />
    ) : (
      <App />
    )}
  </StrictMode>,
);
