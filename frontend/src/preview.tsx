import '@mantine/core/styles.css';
import { MockedProvider } from '@apollo/client/testing/react';
import { MantineProvider } from '@mantine/core';
import { Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { AppRoutes } from './app/AppRoutes';
import { theme } from './app/theme';
import { UnitSelectTreeQuery } from './components/UnitSelect';
import { PlanConclusionQuery } from './features/plans/conclusionData';
import { PlanDetailQuery } from './features/plans/PlanDetailPage';
import { PlanFindingsQuery } from './features/plans/PlanFindingsTab';
import { PlanSamplesQuery } from './features/plans/PlanSamplesTab';
import { PlanStatisticsQuery } from './features/plans/PlanStatisticsTab';
import { conclusionPlan, finding, INSPECTORATE, lead, PLAN_ID, PLAN_NUMBER, planDetail, planStatistics, QUY_HOP, sample, sampleItem } from './features/plans/testFixtures';
import { AuthContext } from './lib/auth/AuthContext';
import { staticAuth } from './lib/auth/staticAuth';
import { todayInVietnam } from './lib/format';
import { createTestI18n } from './test/render';

const r = <T extends object>(m: T) => ({ ...m, maxUsageCount: Number.POSITIVE_INFINITY });
const route = new URLSearchParams(window.location.search).get('route') ?? '/plans/2960%2FKH-TTCP';
const mocks = [
  r({ request: { query: PlanDetailQuery, variables: { number: PLAN_NUMBER } }, result: { data: { inspectionPlan: planDetail() } } }),
  r({ request: { query: PlanStatisticsQuery, variables: { number: PLAN_NUMBER, unitId: null } }, result: { data: { inspectionPlan: planStatistics() } } }),
  r({ request: { query: PlanSamplesQuery, variables: { number: PLAN_NUMBER } }, result: { data: { inspectionPlan: { __typename: 'InspectionPlan', id: PLAN_ID, samples: [sample({ items: [sampleItem(1, { result: 'NON_COMPLIANT', note: 'Không có văn bản xin lỗi', examinedBy: 'Trần Thị Bình', examinedAt: '2024-04-03T03:00:00Z' }), sampleItem(2)] })] } } } }),
  r({ request: { query: PlanFindingsQuery, variables: { number: PLAN_NUMBER } }, result: { data: { inspectionPlan: { __typename: 'InspectionPlan', id: PLAN_ID, overdueRecommendationCount: 1, findings: [finding({ overdue: true }), finding({ id: 'x2', number: 2, status: 'WITHDRAWN', severity: 'SERIOUS' })] } } } }),
  r({ request: { query: PlanConclusionQuery, variables: { number: PLAN_NUMBER } }, result: { data: { inspectionPlan: conclusionPlan() } } }),
  r({ request: { query: UnitSelectTreeQuery, variables: { asOf: todayInVietnam() } }, result: { data: { unitTree: [INSPECTORATE, QUY_HOP].map((unit, depth) => ({ __typename: 'UnitTreeEntry', depth, unit })) } } }),
];
createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme}>
    <I18nextProvider i18n={createTestI18n(route.includes('lang=en') ? 'en' : 'vi')}>
      <MockedProvider mocks={mocks}>
        <AuthContext.Provider value={staticAuth(lead)}>
          <MemoryRouter initialEntries={[route]}>
            <Suspense fallback={<p>…</p>}>
              <AppRoutes />
            </Suspense>
          </MemoryRouter>
        </AuthContext.Provider>
      </MockedProvider>
    </I18nextProvider>
  </MantineProvider>,
);
