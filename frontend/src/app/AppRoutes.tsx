import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { ACCOUNT, DASHBOARD, DOSSIERS, FEEDBACK_INBOX, INSPECTION_RECORD_ROLES, INSPECTIONS, MY_DOSSIERS, PLAN_NEW, PLANS, PROCEDURES, PUBLIC_DELAYS_PATH, RECEPTION, UNITS } from './nav';
import { RequireAuth } from './RequireAuth';

// Each page is its own chunk: the first load carries the shell only.
const HomePage = lazy(() => import('../features/home/HomePage'));
const AccountPage = lazy(() => import('../features/account/AccountPage'));
const DossierListPage = lazy(() => import('../features/dossiers/DossierListPage'));
const DossierDetailPage = lazy(() => import('../features/dossiers/DossierDetailPage'));
const ReceptionPage = lazy(() => import('../features/dossiers/ReceptionPage'));
const PlanListPage = lazy(() => import('../features/plans/PlanListPage'));
const PlanDetailPage = lazy(() => import('../features/plans/PlanDetailPage'));
const PlanNewPage = lazy(() => import('../features/plans/PlanNewPage'));
const PlanConclusionPage = lazy(() => import('../features/plans/PlanConclusionPage'));
const PlanEditPage = lazy(() => import('../features/plans/PlanEditPage'));
const InspectionInboxPage = lazy(() => import('../features/inspections/InspectionInboxPage'));
const SelfReportPage = lazy(() => import('../features/inspections/SelfReportPage'));
const FindingDetailPage = lazy(() => import('../features/inspections/FindingDetailPage'));
const ProceduresPage = lazy(() => import('../features/procedures/ProceduresPage'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage'));
const DashboardPage = lazy(() => import('../features/indicators/DashboardPage'));
const IndicatorPage = lazy(() => import('../features/indicators/IndicatorPage'));
const RuleSetsPage = lazy(() => import('../features/indicators/RuleSetsPage'));
const PublicDelaysPage = lazy(() => import('../features/indicators/PublicDelaysPage'));
// The public citizen pages (/lookup, /feedback, /feedback/:code) are not here: they are the light
// entry public.html (src/public), which the server answers those paths with.
const MyDossiersPage = lazy(() => import('../features/citizen/MyDossiersPage'));
const FeedbackInboxPage = lazy(() => import('../features/feedback/FeedbackInboxPage'));
const FeedbackAnswerPage = lazy(() => import('../features/feedback/FeedbackAnswerPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route
          path={ACCOUNT.path}
          element={
            <RequireAuth roles={ACCOUNT.roles}>
              <AccountPage />
            </RequireAuth>
          }
        />
        <Route
          path={DOSSIERS.path}
          element={
            <RequireAuth roles={DOSSIERS.roles}>
              <DossierListPage />
            </RequireAuth>
          }
        />
        <Route
          path={RECEPTION.path}
          element={
            <RequireAuth roles={RECEPTION.roles}>
              <ReceptionPage />
            </RequireAuth>
          }
        />
        <Route
          path={`${DOSSIERS.path}/:code`}
          element={
            <RequireAuth roles={DOSSIERS.roles}>
              <DossierDetailPage />
            </RequireAuth>
          }
        />
        <Route
          path={PLANS.path}
          element={
            <RequireAuth roles={PLANS.roles}>
              <PlanListPage />
            </RequireAuth>
          }
        />
        <Route
          path={`${PLANS.path}/:number`}
          element={
            <RequireAuth roles={PLANS.roles}>
              <PlanDetailPage />
            </RequireAuth>
          }
        />
        <Route
          path={PLAN_NEW.path}
          element={
            <RequireAuth roles={PLAN_NEW.roles}>
              <PlanNewPage />
            </RequireAuth>
          }
        />
        <Route
          path={`${PLANS.path}/:number/conclusion`}
          element={
            <RequireAuth roles={PLANS.roles}>
              <PlanConclusionPage />
            </RequireAuth>
          }
        />
        <Route
          path={`${PLANS.path}/:number/edit`}
          element={
            <RequireAuth roles={PLAN_NEW.roles}>
              <PlanEditPage />
            </RequireAuth>
          }
        />
        <Route
          path={INSPECTIONS.path}
          element={
            <RequireAuth roles={INSPECTIONS.roles}>
              <InspectionInboxPage />
            </RequireAuth>
          }
        />
        <Route
          path={`${INSPECTIONS.path}/reports/:reportId`}
          element={
            <RequireAuth roles={INSPECTION_RECORD_ROLES}>
              <SelfReportPage />
            </RequireAuth>
          }
        />
        <Route
          path="/findings/:findingId"
          element={
            <RequireAuth roles={INSPECTION_RECORD_ROLES}>
              <FindingDetailPage />
            </RequireAuth>
          }
        />
        <Route
          path={PROCEDURES.path}
          element={
            <RequireAuth roles={PROCEDURES.roles}>
              <ProceduresPage />
            </RequireAuth>
          }
        />
        <Route
          path={UNITS.path}
          element={
            <RequireAuth roles={UNITS.roles}>
              <UnitsPage />
            </RequireAuth>
          }
        />
        <Route
          path={DASHBOARD.path}
          element={
            <RequireAuth roles={DASHBOARD.roles}>
              <DashboardPage />
            </RequireAuth>
          }
        />
        <Route
          path={`${DASHBOARD.path}/indicators/:code`}
          element={
            <RequireAuth roles={DASHBOARD.roles}>
              <IndicatorPage />
            </RequireAuth>
          }
        />
        <Route
          path={`${DASHBOARD.path}/rule-sets`}
          element={
            <RequireAuth roles={DASHBOARD.roles}>
              <RuleSetsPage />
            </RequireAuth>
          }
        />
        <Route path={PUBLIC_DELAYS_PATH} element={<PublicDelaysPage />} />
        <Route
          path={MY_DOSSIERS.path}
          element={
            <RequireAuth roles={MY_DOSSIERS.roles}>
              <MyDossiersPage />
            </RequireAuth>
          }
        />
        <Route
          path={FEEDBACK_INBOX.path}
          element={
            <RequireAuth roles={FEEDBACK_INBOX.roles}>
              <FeedbackInboxPage />
            </RequireAuth>
          }
        />
        <Route
          path={`${FEEDBACK_INBOX.path}/:id`}
          element={
            <RequireAuth roles={FEEDBACK_INBOX.roles}>
              <FeedbackAnswerPage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
