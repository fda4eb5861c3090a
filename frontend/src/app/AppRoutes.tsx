import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { ACCOUNT } from './nav';
import { RequireAuth } from './RequireAuth';

// Each page is its own chunk: the first load carries the shell only.
const HomePage = lazy(() => import('../features/home/HomePage'));
const AccountPage = lazy(() => import('../features/account/AccountPage'));
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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
