import { useQuery } from '@apollo/client/react';
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';

export const HomeApiInfoQuery = graphql(`
  query HomeApiInfo {
    apiInfo {
      version
      serverTime
    }
  }
`);

function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(date);
}

function SystemStatus() {
  const { t, i18n } = useTranslation('home');
  const { data, loading, error, refetch } = useQuery(HomeApiInfoQuery);

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="system-status-title">
      <Title order={3} size="h4" id="system-status-title" mb="xs">
        {t('status.title')}
      </Title>
      {loading && !data ? (
        <Loading label={t('status.loading')} />
      ) : error ? (
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      ) : data ? (
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600}>{t('status.version')}:</Text>
            <Text data-testid="api-version">{data.apiInfo.version}</Text>
          </Group>
          <Group gap="xs">
            <Text fw={600}>{t('status.serverTime')}:</Text>
            <Text component="time" dateTime={data.apiInfo.serverTime} data-testid="server-time">
              {formatDateTime(data.apiInfo.serverTime, i18n.language)}
            </Text>
          </Group>
        </Stack>
      ) : null}
    </Card>
  );
}

export default function HomePage() {
  const { t } = useTranslation('home');
  useDocumentTitle('');
  return (
    <Stack gap="lg" maw={760}>
      <Title order={2}>{t('title')}</Title>
      <Text size="lg">{t('lead')}</Text>
      <Text>{t('body')}</Text>
      <SystemStatus />
    </Stack>
  );
}
