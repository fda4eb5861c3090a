import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Group, ScrollArea, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import { useAuth } from '../../lib/auth/AuthContext';
import { planRole } from './planRole';
import { PlanStatusBadge } from './PlanStatusBadge';
import { PLAN_TABS, planTabOf } from './planTabs';
import { safeDecode } from './planVocabulary';

export const PlanDetailFields = graphql(`
  fragment PlanDetailFields on InspectionPlan {
    id
    number
    title
    issuingAuthority
    issueDate
    periodFrom
    periodTo
    selfReportDue
    fieldworkFrom
    fieldworkTo
    conclusionDue
    status
    version
    checklist {
      ordinal
      text
    }
    targets {
      id
      code
      name
    }
    team {
      role
      official {
        id
        fullName
        idpUsername
        unit {
          id
          code
          name
        }
      }
    }
    lead {
      id
      fullName
      idpUsername
    }
  }
`);

export const PlanDetailQuery = graphql(`
  query PlanDetail($number: String!) {
    inspectionPlan(number: $number) {
      ...PlanDetailFields
    }
  }
`);

export default function PlanDetailPage() {
  const { t } = useTranslation(['plans', 'common']);
  const params = useParams();
  const { user } = useAuth();
  const [searchParams, setSearchParams] = useSearchParams();
  // The router hands the segment over still percent-encoded when it holds an encoded slash.
  const number = safeDecode(params.number ?? '');
  useDocumentTitle(number);
  const { data, loading, error, refetch } = useQuery(PlanDetailQuery, { variables: { number }, fetchPolicy: 'cache-and-network' });
  const plan = data?.inspectionPlan;
  const tab = planTabOf(searchParams.get('tab'));

  if (loading && !data) return <Loading label={t('detail.loading')} />;
  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (!plan) {
    return (
      <Stack gap="md">
        <Alert color="yellow" data-testid="plan-not-found">
          {t('detail.notFound', { number })}
        </Alert>
        <Anchor component={Link} to="/plans">
          {t('detail.back')}
        </Anchor>
      </Stack>
    );
  }

  const role = planRole(plan, user);
  const selectTab = (next: string | null) => {
    // Each tab starts clean: parameters of the tab left behind (a selected sample, a unit) go.
    setSearchParams(next && next !== PLAN_TABS[0]!.key ? { tab: next } : {});
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/plans" fz="sm">
        ← {t('detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} data-testid="plan-number">
            {plan.number}
          </Title>
          <Text>{plan.title}</Text>
        </Stack>
        <PlanStatusBadge status={plan.status} />
      </Group>

      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <ScrollArea type="never" offsetScrollbars={false}>
          <Tabs.List style={{ flexWrap: 'nowrap' }}>
            {PLAN_TABS.map((entry) => (
              <Tabs.Tab key={entry.key} value={entry.key} data-testid={`plan-tab-${entry.key}`}>
                {t(entry.labelKey)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </ScrollArea>
        {PLAN_TABS.map(({ key, Component }) => (
          <Tabs.Panel key={key} value={key} pt="md">
            <Component plan={plan} role={role} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
