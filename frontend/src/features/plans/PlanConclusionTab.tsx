import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql/gql';
import type { UserErrorLike } from '../../lib/apollo/userErrors';
import { formatDateTime } from '../../lib/format';
import { isLanguage } from '../../lib/i18n/i18n';
import { ConclusionDocument } from './ConclusionDocument';
import { conclusionData, PlanConclusionQuery } from './conclusionData';
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

export const ConclusionDraftSaveMutation = graphql(`
  mutation ConclusionDraftSave($input: InspectionConclusionDraftSaveInput!) {
    inspectionConclusionDraftSave(input: $input) {
      conclusionDraft {
        ...ConclusionDraftFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/**
 * The conclusion: a live preview until the lead issues it, then the issued document. The lead writes
 * the summary here and saves it as a draft on the server (the team sees it, with who saved it when);
 * issuing takes the text in the editor.
 */
export function PlanConclusionTab({ plan, role }: PlanTabProps) {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const { data, loading, error, refetch } = useQuery(PlanConclusionQuery, { variables: { number: plan.number }, fetchPolicy: 'cache-and-network' });
  // null while the lead has not touched the text: the editor then shows the saved draft
  const [edited, setEdited] = useState<string | null>(null);
  const [summaryError, setSummaryError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [userErrors, setUserErrors] = useState<readonly UserErrorLike[]>([]);
  const [draftErrors, setDraftErrors] = useState<readonly UserErrorLike[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [draftFailure, setDraftFailure] = useState<unknown>(null);
  const [conclude, { loading: concluding }] = useMutation(PlanConcludeMutation, { refetchQueries: [PlanConclusionQuery] });
  const [saveDraft, { loading: saving }] = useMutation(ConclusionDraftSaveMutation);
  const language = isLanguage(i18n.language) ? i18n.language : 'vi';
  const full = data?.inspectionPlan;
  const draft = full?.conclusionDraft ?? null;
  const saved = draft?.summary ?? '';
  const summary = edited ?? saved;
  const unsaved = edited !== null && edited !== saved && !full?.conclusion;

  // Closing or reloading the tab with unsaved text asks first.
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  if (loading && !data) return <Loading label={t('conclusion.loading')} />;
  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (!full) return null;
  const issued = full.conclusion;
  const mayConclude = role.isLead && plan.status === 'IN_PROGRESS' && !issued;
  const setSummary = (value: string) => setEdited(value);
  const errorText = (e: UserErrorLike) => planUserErrorText(e, t, (key) => i18n.exists(key));

  const save = async () => {
    setDraftErrors([]);
    setDraftFailure(null);
    try {
      const { data: result } = await saveDraft({
        variables: { input: { planId: plan.id, summary, version: draft?.version ?? 0 } },
        update: (cache, { data: answer }) => {
          const stored = answer?.inspectionConclusionDraftSave.conclusionDraft;
          if (!stored) return;
          cache.modify({ id: cache.identify({ __typename: 'InspectionPlan', id: plan.id }), fields: { conclusionDraft: () => stored } });
        },
      });
      const payload = result?.inspectionConclusionDraftSave;
      const errors = payload?.userErrors ?? [];
      const summaryProblem = errors.find((e) => e.field?.join('.') === 'input.summary');
      setSummaryError(summaryProblem ? errorText(summaryProblem) : undefined);
      setDraftErrors(errors.filter((e) => e !== summaryProblem));
      if (errors.length === 0 && payload?.conclusionDraft) setEdited(null);
    } catch (caught) {
      setDraftFailure(caught);
    }
  };

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
        setSummaryError(errorText(summaryProblem));
        setConfirming(false);
      }
      setUserErrors(errors.filter((e) => e !== summaryProblem));
      if (errors.length === 0 && payload?.inspectionPlan) {
        setConfirming(false);
        setEdited(null);
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
            {draftErrors.length > 0 && (
              <Alert color="red" variant="light" data-testid="conclusion-draft-errors">
                <List size="sm">
                  {draftErrors.map((e, index) => (
                    <List.Item key={index}>{errorText(e)}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {draftFailure != null && <ErrorMessage error={draftFailure} />}
            <Group justify="space-between" wrap="wrap" gap="sm">
              <DraftNote draft={draft} unsaved={unsaved} />
              <Group gap="sm">
                <Button variant="default" onClick={() => void save()} loading={saving} disabled={!unsaved} data-testid="conclusion-draft-save">
                  {t('conclusion.saveDraft')}
                </Button>
                <Button onClick={askToConfirm} data-testid="plan-conclude">
                  {t('conclusion.issue')}
                </Button>
              </Group>
            </Group>
          </Stack>
        )}
        {!issued && !mayConclude && draft && (
          <Group mt="sm">
            <DraftNote draft={draft} unsaved={false} />
          </Group>
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
                  <List.Item key={index}>{errorText(e)}</List.Item>
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

/** Who saved the draft when, or that the text in the editor is not saved yet. */
function DraftNote({ draft, unsaved }: { draft: { updatedAt: string; updatedBy: string } | null; unsaved: boolean }) {
  const { t, i18n } = useTranslation('plans');
  if (unsaved) {
    return (
      <Text fz="sm" c="orange.9" fw={500} data-testid="conclusion-draft-unsaved">
        {t('conclusion.unsaved')}
      </Text>
    );
  }
  return (
    <Text fz="sm" c="dimmed" data-testid="conclusion-draft-saved">
      {draft ? t('conclusion.draftSaved', { name: draft.updatedBy, at: formatDateTime(draft.updatedAt, i18n.language) }) : t('conclusion.noDraft')}
    </Text>
  );
}
