import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Modal, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql/gql';
import type { Role } from '../../lib/auth/user';
import { todayInVietnam } from '../../lib/format';
import { addMonths, parseYearMonth, type YearMonth } from './dashboardParams';
import { DelayListStatusLine, DelayListView } from './DelayListView';
import { formatMonth } from './indicatorFormat';

export const DelayListQueryDocument = graphql(`
  query DelayList($unit: ID!, $year: Int!, $month: Int!) {
    delayList(unit: $unit, year: $year, month: $month) {
      unit {
        id
      }
      ...DelayListFields
    }
  }
`);

export const DelayListPublishMutation = graphql(`
  mutation DelayListPublish($input: DelayListPublishInput!) {
    delayListPublish(input: $input) {
      delayList {
        unit {
          id
        }
        ...DelayListFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/** Who approves a delays list for publication: unit heads, for their subtree (the server checks which). */
export const DELAY_PUBLISHERS: readonly Role[] = ['unit_head'];

/** Whether the publish action is offered: to a publisher, for a draft of a month that has ended. */
export function mayPublish(roles: readonly Role[], status: 'DRAFT' | 'PUBLISHED', month: YearMonth, today: string = todayInVietnam()): boolean {
  return roles.some((role) => DELAY_PUBLISHERS.includes(role)) && status === 'DRAFT' && month < today.slice(0, 7);
}

/** The month's delays-by-official list of the unit's subtree, with its publication. */
export function DelaysPanel({ unit, month, roles, onMonth }: { unit: string; month: YearMonth; roles: readonly Role[]; onMonth: (month: YearMonth) => void }) {
  const { t, i18n } = useTranslation(['indicators', 'common']);
  const { year, month: m } = parseYearMonth(month);
  const variables = { unit, year, month: m };
  const query = useQuery(DelayListQueryDocument, { variables, fetchPolicy: 'cache-and-network' });
  const [publish, publishing] = useMutation(DelayListPublishMutation);
  const [confirmOpen, confirm] = useDisclosure(false);
  const [problems, setProblems] = useState<string[]>([]);
  const list = (query.data ?? query.previousData)?.delayList;
  const lastEnded = addMonths(todayInVietnam().slice(0, 7), -1);

  const submit = async () => {
    setProblems([]);
    try {
      const result = await publish({
        variables: { input: { unitId: unit, year, month: m } },
        update: (cache, { data }) => {
          const published = data?.delayListPublish.delayList;
          if (published) cache.writeQuery({ query: DelayListQueryDocument, variables, data: { delayList: published } });
        },
      });
      const errors = result.data?.delayListPublish.userErrors ?? [];
      setProblems(errors.map((error) => (i18n.exists(`indicators:delays.userErrors.${error.code}`) ? t(`delays.userErrors.${error.code}`) : error.message)));
      if (errors.length === 0) confirm.close();
    } catch {
      // Not the input's fault (no permission, server down): the hook's error is shown under the status.
      confirm.close();
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={3} size="h4">
            {t('delays.title')}
          </Title>
          <TextInput
            type="month"
            label={t('delays.month')}
            value={month}
            max={lastEnded}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (value && value <= lastEnded) onMonth(value);
            }}
            data-testid="delays-month"
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t('delays.help')}{' '}
          <Anchor component={Link} to="/public/delays" size="xs">
            {t('delays.publicLink')}
          </Anchor>
        </Text>
        {query.error && !list ? (
          <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
        ) : !list ? (
          <Loading label={t('delays.loading')} />
        ) : (
          <>
            {query.loading && <Progress value={100} animated size="xs" aria-label={t('delays.loading')} />}
            <Group justify="space-between" wrap="wrap">
              <DelayListStatusLine list={list} />
              {mayPublish(roles, list.status, month) && (
                <Button onClick={confirm.open} data-testid="delays-publish">
                  {t('delays.publish')}
                </Button>
              )}
            </Group>
            {publishing.error && <ErrorMessage error={publishing.error} />}
            {problems.length > 0 && !confirmOpen && (
              <Alert color="red" role="alert" data-testid="delays-problems">
                {problems.join(' ')}
              </Alert>
            )}
            <DelayListView list={list} />
          </>
        )}
      </Stack>
      <Modal opened={confirmOpen} onClose={confirm.close} title={t('delays.confirmTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">
            {t('delays.confirmText', { unit: list?.unitName ?? '', month: formatMonth(month, i18n.language), count: list?.entries.length ?? 0 })}
          </Text>
          {problems.length > 0 && (
            <Alert color="red" role="alert" data-testid="delays-problems">
              {problems.join(' ')}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={confirm.close}>
              {t('common:cancel')}
            </Button>
            <Button onClick={() => void submit()} loading={publishing.loading} data-testid="delays-publish-confirm">
              {t('delays.publishConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
