import { Alert, AppShell, NavLink } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { Loading } from '../components/Loading';
import { useAuth } from '../lib/auth/AuthContext';
import { Header } from './Header';
import { NAV_ITEMS, visibleNavItems } from './nav';
import classes from './Layout.module.css';

export function Layout() {
  const { t } = useTranslation('common');
  const { status, user } = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const items = visibleNavItems(NAV_ITEMS, user?.roles ?? []);
  const matches = (path: string) => (path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`));
  // The most specific item wins: on /dossiers/new, "Receive a dossier" is active, not "Dossiers".
  const activePath = items.filter((item) => matches(item.path)).sort((a, b) => b.path.length - a.path.length)[0]?.path;
  const isActive = (path: string) => path === activePath;

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main-content" className={classes.skipLink}>
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Header navOpened={opened} onToggleNav={toggle} />
      </AppShell.Header>

      <AppShell.Navbar p="xs" component="nav" id="main-navigation" aria-label={t('nav.label')}>
        {items.map((item) => (
          <NavLink
            key={item.path}
            component={RouterNavLink}
            to={item.path}
            reloadDocument={item.reloadDocument}
            end={item.path === '/'}
            active={isActive(item.path)}
            label={t(item.labelKey)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1}>
        {status === 'unavailable' && (
          <Alert color="yellow" variant="light" title={t('auth.unavailableTitle')} mb="md" data-testid="login-unavailable">
            {t('auth.unavailable')}
          </Alert>
        )}
        <Suspense fallback={<Loading label={t('loading')} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
