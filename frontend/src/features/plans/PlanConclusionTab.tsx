import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql/gql';
import type { UserErrorLike } from '../../lib/apollo/userErrors';
import { formatDateTime } from '../../lib/format';
import { isLanguage } from '../../lib/i18n/i18n';
import { ConclusionDocument } from './ConclusionDocument';
import { conclusionData, PlanConclusionQuery, readDraftSummary, writeDraftSummary } from './conclusionData';
import type { PlanTabProps } from './planTabs';
import { planUserErrorText } from './planUserErrors';
import { planConclusionPath } from './planVocabulary';

export const PlanConcludeMutation = graphql(`
  mutation PlanConclude($input: InspectionPlanConcludeInput!) {
    inspectionPlanConclude(input: $input) {
      inspectionPlan {
        ...PlanDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/** The conclusion: a live preview until the lead issues it (with the summary they write), then the issued document. */
export function PlanConclusionTab({ plan, role }: PlanTabProps) {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const { data, loading, error, refetch } = useQuery(PlanConclusionQuery, { variables: { number: plan.number }, fetchPolicy: 'cache-and-network' });
  const [summary, setSummaryState] = useState(() => readDraftSummary(plan.number));
  const setSummary = (value: string) => {
    setSummaryState(value);
    writeDraftSummary(plan.number, value);
  };
  const [summaryError, setSummaryError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [userErrors, setUserErrors] = useState<readonly UserErrorLike[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [conclude, { loading: concluding }] = useMutation(PlanConcludeMutation, { refetchQueries: [PlanConclusionQuery] });
  const language = isLanguage(i18n.language) ? i18n.language : 'vi';

  if (loading && !data) return <Loading label={t('conclusion.loading')} />;
  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  const full = data?.inspectionPlan;
  if (!full) return null;
  const issued = full.conclusion;
  const mayConclude = role.isLead && plan.status === 'IN_PROGRESS' && !issued;

  const askToConfirm = () => {
    if (!summary.trim()) {
      setSummaryError(t('conclusion.errors.summaryRequired'));
      return;
    }
    setSummaryError(undefined);
    setUserErrors([]);
    setFailure(null);
    setConfirming(true);
  };

  const issue = async () => {
    setFailure(null);
    try {
      const { data: result } = await conclude({ variables: { input: { planId: plan.id, version: plan.version, summary: summary.trim() } } });
      const payload = result?.inspectionPlanConclude;
      const errors = payload?.userErrors ?? [];
      const summaryProblem = errors.find((e) => e.field?.join('.') === 'input.summary');
      if (summaryProblem) {
        setSummaryError(planUserErrorText(summaryProblem, t, (key) => i18n.exists(key)));
        setConfirming(false);
      }
      setUserErrors(errors.filter((e) => e !== summaryProblem));
      if (errors.length === 0 && payload?.inspectionPlan) {
        setConfirming(false);
        writeDraftSummary(plan.number, '');
      }
    } catch (caught) {
      setFailure(caught);
    }
  };

  return (
    <Stack gap="md">
      <Card withBorder>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Stack gap={2} style={{ flex: '1 1 20rem' }}>
            <Title order={3} size="h4">
              {issued ? t('conclusion.issuedTitle') : t('conclusion.previewTitle')}
            </Title>
            <Text fz="sm" c="dimmed" data-testid="conclusion-state">
              {issued
                ? t('conclusion.issuedBy', { name: issued.issuedBy, at: formatDateTime(issued.issuedAt, i18n.language) })
                : t('conclusion.previewHelp')}
            </Text>
          </Stack>
          <Anchor component={Link} to={planConclusionPath(plan.number)} data-testid="conclusion-open">
            {t('conclusion.openPrintable')}
          </Anchor>
        </Group>
        {mayConclude && (
          <Stack gap="sm" mt="md">
            <Textarea
              label={t('conclusion.summary')}
              description={t('conclusion.summaryHelp')}
              required
              autosize
              minRows={5}
              value={summary}
              onChange={(event) => setSummary(event.currentTarget.value)}
              error={summaryError}
              data-testid="conclusion-summary-input"
            />
            <Group justify="flex-end">
              <Button onClick={askToConfirm} data-testid="plan-conclude">
                {t('conclusion.issue')}
              </Button>
            </Group>
          </Stack>
        )}
        {!issued && !mayConclude && role.isLead && (
          <Text fz="sm" c="dimmed" mt="sm" data-testid="conclusion-not-yet">
            {t('conclusion.onlyInProgress')}
          </Text>
        )}
      </Card>

      <div style={{ overflowX: 'auto' }}>
        <ConclusionDocument data={conclusionData(full, summary)} language={language} />
      </div>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('conclusion.confirmTitle')} centered>
        <Stack gap="sm">
          <Text>{t('conclusion.confirm', { number: plan.number, findings: full.findings.filter((f) => f.status === 'RECORDED').length })}</Text>
          {userErrors.length > 0 && (
            <Alert color="red" variant="light" data-testid="conclusion-errors">
              <List size="sm">
                {userErrors.map((e, index) => (
                  <List.Item key={index}>{planUserErrorText(e, t, (key) => i18n.exists(key))}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {failure != null && <ErrorMessage error={failure} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common:cancel')}
            </Button>
            <Button onClick={() => void issue()} loading={concluding} data-testid="plan-conclude-confirm">
              {t('conclusion.issue')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
