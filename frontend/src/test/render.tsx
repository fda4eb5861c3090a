import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { Suspense, type ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import enAccount from '../../public/locales/en/account.json';
import enCitizen from '../../public/locales/en/citizen.json';
import enCommon from '../../public/locales/en/common.json';
import enDossiers from '../../public/locales/en/dossiers.json';
import enFeedback from '../../public/locales/en/feedback.json';
import enHome from '../../public/locales/en/home.json';
import enInspections from '../../public/locales/en/inspections.json';
import enIndicators from '../../public/locales/en/indicators.json';
import enPlans from '../../public/locales/en/plans.json';
import enProcedures from '../../public/locales/en/procedures.json';
import enUnits from '../../public/locales/en/units.json';
import viAccount from '../../public/locales/vi/account.json';
import viCitizen from '../../public/locales/vi/citizen.json';
import viCommon from '../../public/locales/vi/common.json';
import viDossiers from '../../public/locales/vi/dossiers.json';
import viFeedback from '../../public/locales/vi/feedback.json';
import viHome from '../../public/locales/vi/home.json';
import viInspections from '../../public/locales/vi/inspections.json';
import viIndicators from '../../public/locales/vi/indicators.json';
import viPlans from '../../public/locales/vi/plans.json';
import viProcedures from '../../public/locales/vi/procedures.json';
import viUnits from '../../public/locales/vi/units.json';
import { theme } from '../app/theme';
import { AuthContext, type Auth } from '../lib/auth/AuthContext';
import { staticAuth } from '../lib/auth/staticAuth';
import { createI18n, type Language } from '../lib/i18n/i18n';

/** The real translation files, in memory. */
export function createTestI18n(lng: Language = 'vi'): I18n {
  return createI18n({
    lng,
    resources: {
      vi: { common: viCommon, home: viHome, account: viAccount, dossiers: viDossiers, plans: viPlans, procedures: viProcedures, units: viUnits, indicators: viIndicators, inspections: viInspections, citizen: viCitizen, feedback: viFeedback },
      en: { common: enCommon, home: enHome, account: enAccount, dossiers: enDossiers, plans: enPlans, procedures: enProcedures, units: enUnits, indicators: enIndicators, inspections: enInspections, citizen: enCitizen, feedback: enFeedback },
    },
  });
}

export interface RenderOptions {
  auth?: Auth;
  route?: string;
  mocks?: ReadonlyArray<MockLink.MockedResponse>;
  lng?: Language;
}

/** Renders `ui` with the app's providers, a fake auth (anonymous unless given), mocked GraphQL and a memory router. */
export function renderWithProviders(ui: ReactElement, { auth = staticAuth(null), route = '/', mocks = [], lng = 'vi' }: RenderOptions = {}) {
  const i18n = createTestI18n(lng);
  const result = render(
    <MantineProvider theme={theme} env="test">
      <I18nextProvider i18n={i18n}>
        <MockedProvider mocks={mocks}>
          <AuthContext.Provider value={auth}>
            <MemoryRouter initialEntries={[route]}>
              <Suspense fallback={<p>suspended</p>}>{ui}</Suspense>
            </MemoryRouter>
          </AuthContext.Provider>
        </MockedProvider>
      </I18nextProvider>
    </MantineProvider>,
  );
  return { ...result, i18n };
}
