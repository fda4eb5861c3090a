import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql/gql';
import type { InspectionPlanStatus, PlanDetailFieldsFragment } from '../../gql/graphql';
import type { UserErrorLike } from '../../lib/apollo/userErrors';
import { planUserErrorText } from './planUserErrors';

export const PlanApproveMutation = graphql(`
  mutation PlanApprove($input: InspectionPlanTransitionInput!) {
    inspectionPlanApprove(input: $input) {
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

export const PlanStartMutation = graphql(`
  mutation PlanStart($input: InspectionPlanTransitionInput!) {
    inspectionPlanStart(input: $input) {
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

export const PlanBeginFollowUpMutation = graphql(`
  mutation PlanBeginFollowUp($input: InspectionPlanTransitionInput!) {
    inspectionPlanBeginFollowUp(input: $input) {
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

export const PlanCloseMutation = graphql(`
  mutation PlanClose($input: InspectionPlanTransitionInput!) {
    inspectionPlanClose(input: $input) {
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

/** The lead's lifecycle steps, keyed by the status each starts from (concluding lives on the conclusion tab). */
export type PlanTransition = 'approve' | 'start' | 'beginFollowUp' | 'close';

export const TRANSITION_FROM: Record<PlanTransition, InspectionPlanStatus> = {
  approve: 'DRAFT',
  start: 'APPROVED',
  beginFollowUp: 'CONCLUDED',
  close: 'FOLLOW_UP',
};

const TEST_IDS: Record<PlanTransition, string> = {
  approve: 'plan-approve',
  start: 'plan-start',
  beginFollowUp: 'plan-follow-up',
  close: 'plan-close',
};

/** The step the lead may take from the plan's status, if any. */
export function nextTransition(status: InspectionPlanStatus): PlanTransition | undefined {
  return (Object.keys(TRANSITION_FROM) as PlanTransition[]).find((transition) => TRANSITION_FROM[transition] === status);
}

/** The lead's next lifecycle step as a button, confirmed in a dialog that shows why the server refused it. */
export function PlanLifecycleActions({ plan }: { plan: PlanDetailFieldsFragment }) {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const transition = nextTransition(plan.status);
  const [opened, setOpened] = useState(false);
  const [userErrors, setUserErrors] = useState<readonly UserErrorLike[]>([]);
  const [approve, approving] = useMutation(PlanApproveMutation);
  const [start, starting] = useMutation(PlanStartMutation);
  const [beginFollowUp, beginning] = useMutation(PlanBeginFollowUpMutation);
  const [close, closing] = useMutation(PlanCloseMutation);
  const [failure, setFailure] = useState<unknown>(null);
  if (!transition) return null;

  const busy = approving.loading || starting.loading || beginning.loading || closing.loading;
  const open = () => {
    setUserErrors([]);
    setFailure(null);
    setOpened(true);
  };

  const confirm = async () => {
    const variables = { input: { planId: plan.id, version: plan.version } };
    setFailure(null);
    try {
      const result =
        transition === 'approve'
          ? (await approve({ variables })).data?.inspectionPlanApprove
          : transition === 'start'
            ? (await start({ variables })).data?.inspectionPlanStart
            : transition === 'beginFollowUp'
              ? (await beginFollowUp({ variables })).data?.inspectionPlanBeginFollowUp
              : (await close({ variables })).data?.inspectionPlanClose;
      const errors = result?.userErrors ?? [];
      setUserErrors(errors);
      if (errors.length === 0 && result?.inspectionPlan) setOpened(false);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Card withBorder mb="md" data-testid="plan-lifecycle">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text fz="sm" c="dimmed" style={{ flex: '1 1 16rem' }}>
          {t(`lifecycle.${transition}.help`)}
        </Text>
        <Button onClick={open} data-testid={TEST_IDS[transition]}>
          {t(`lifecycle.${transition}.button`)}
        </Button>
      </Group>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t(`lifecycle.${transition}.title`)} centered>
        <Stack gap="sm">
          <Text>{t(`lifecycle.${transition}.confirm`, { number: plan.number })}</Text>
          {userErrors.length > 0 && (
            <Alert color="red" variant="light" data-testid="plan-transition-errors">
              <List size="sm" spacing={2}>
                {userErrors.map((error, index) => (
                  <List.Item key={index}>{planUserErrorText(error, t, (key) => i18n.exists(key))}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {failure != null && <ErrorMessage error={failure} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('common:cancel')}
            </Button>
            <Button onClick={() => void confirm()} loading={busy} data-testid="plan-transition-confirm">
              {t(`lifecycle.${transition}.button`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
