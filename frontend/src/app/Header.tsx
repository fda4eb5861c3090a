import { Anchor, Burger, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useAuth } from '../lib/auth/AuthContext';

export interface HeaderProps {
  navOpened: boolean;
  onToggleNav: () => void;
}

export function Header({ navOpened, onToggleNav }: HeaderProps) {
  const { t } = useTranslation('common');
  const { status, user, login, logout } = useAuth();

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('nav.toggle')}
          aria-expanded={navOpened}
          aria-controls="main-navigation"
        />
        <Anchor component={Link} to="/" underline="never" c="inherit">
          <Title order={1} size="h3">
            {t('appName')}
          </Title>
        </Anchor>
        <Text size="sm" visibleFrom="md">
          {t('tagline')}
        </Text>
      </Group>

      <Group gap="md" wrap="nowrap">
        <LanguageSwitcher />
        {user ? (
          <>
            <Stack gap={0} align="flex-end" visibleFrom="xs">
              <Text size="sm" fw={600} data-testid="user-name">
                {user.displayName}
              </Text>
              <Text size="xs" data-testid="user-roles">
                {user.roles.length > 0 ? user.roles.map((role) => t(`role.${role}`)).join(', ') : t('auth.noRole')}
                {user.unitCode && (
                  <>
                    {' · '}
                    {t('auth.unit')}: <span data-testid="user-unit">{user.unitCode}</span>
                  </>
                )}
              </Text>
            </Stack>
            <Button variant="outline" size="xs" onClick={logout} data-testid="logout">
              {t('auth.logout')}
            </Button>
          </>
        ) : (
          <Button
            size="xs"
            onClick={login}
            data-testid="login"
            loading={status === 'initialising'}
            disabled={status !== 'ready'}
          >
            {t('auth.login')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
