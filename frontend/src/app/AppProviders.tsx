import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import type { i18n as I18n } from 'i18next';
import { Suspense, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { AuthProvider, type AuthStore } from '../lib/auth/AuthContext';
import { theme } from './theme';

export interface AppProvidersProps {
  i18n: I18n;
  apollo: ApolloClient;
  authStore: AuthStore;
  children: ReactNode;
}

/** Neutral while the translations themselves are loading: nothing to translate with yet. */
function StartupFallback() {
  return (
    <p role="status" style={{ padding: '1rem', fontFamily: 'system-ui, sans-serif' }}>
      Đang tải… / Loading…
    </p>
  );
}

export function AppProviders({ i18n, apollo, authStore, children }: AppProvidersProps) {
  return (
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <ApolloProvider client={apollo}>
          <AuthProvider store={authStore}>
            <Suspense fallback={<StartupFallback />}>{children}</Suspense>
          </AuthProvider>
        </ApolloProvider>
      </I18nextProvider>
    </MantineProvider>
  );
}
