import { Alert, Text } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Loading';
import { useAuth } from '../lib/auth/AuthContext';
import type { Role } from '../lib/auth/user';
import { mayUse } from './nav';

/**
 * Shows its children only to a logged-in user holding one of `roles` (any role when empty).
 * Sends visitors who are not logged in to the login page, which brings them back here.
 */
export function RequireAuth({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation('common');
  const { status, user, login } = useAuth();
  const mustLogIn = status === 'ready' && !user;

  useEffect(() => {
    if (mustLogIn) {
      login();
    }
  }, [mustLogIn, login]);

  if (status === 'initialising') {
    return <Loading label={t('auth.checking')} />;
  }
  if (status === 'unavailable') {
    // The layout already shows the 'login unavailable' banner; say what it means for this page.
    return <Text role="alert">{t('auth.unavailableForPage')}</Text>;
  }
  if (!user) {
    return <Loading label={t('auth.redirecting')} />;
  }
  if (roles.length > 0 && !mayUse({ roles }, user.roles)) {
    return (
      <Alert role="alert" color="red" title={t('errors.title')}>
        {t('errors.forbidden')}
      </Alert>
    );
  }
  return <>{children}</>;
}
