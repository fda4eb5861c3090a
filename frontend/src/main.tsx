import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppProviders } from './app/AppProviders';
import { AppRoutes } from './app/AppRoutes';
import { createApolloClient } from './lib/apollo/client';
import { createKeycloakAuth } from './lib/auth/keycloakAuth';
import { createI18n } from './lib/i18n/i18n';

const i18n = createI18n();

// Public pages render at once; login state arrives when Keycloak has answered (or is known to be down).
const authStore = createKeycloakAuth({
  configUrl: '/config.json',
  silentCheckSsoRedirectUri: `${window.location.origin}/silent-check-sso.html`,
});
void authStore.start();

const apollo = createApolloClient(() => authStore.getSnapshot().getToken());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders i18n={i18n} apollo={apollo} authStore={authStore}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  </StrictMode>,
);
