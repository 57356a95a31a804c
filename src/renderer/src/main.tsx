import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { errorMessage } from './api/use-api';
import { ProjectScope } from './app/project-scope';
import { reportError } from './state/status';
import './styles/base.css';
import './styles/app.css';

// Anything no view caught still reaches the user as a sentence in the status bar, not a console stack.
window.addEventListener('unhandledrejection', (event) => reportError(errorMessage(event.reason)));
window.addEventListener('error', (event) => reportError(errorMessage(event.error ?? event.message)));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ProjectScope />
  </StrictMode>,
);
