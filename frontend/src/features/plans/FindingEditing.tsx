import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql/gql';
import type { FindingEditFieldsFragment, PlanDetailFieldsFragment } from '../../gql/graphql';
import { fieldName } from '../../lib/apollo/userErrors';
import type { EvidenceDraft } from './EvidencePicker';
import { FindingRecordForm, type FindingEditing, type FindingValues } from './FindingRecordForm';
import { planUserErrorText } from './planUserErrors';

export const FindingEditFields = graphql(`
  fragment FindingEditFields on Finding {
    id
    number
    version
    category
    severity
    description
    recommendation
    remediationDeadline
    status
    unit {
      id
      name
    }
    responsibleOfficials {
      id
    }
    evidence {
      kind
      note
      dossier {
        id
        receiptCode
        procedure {
          id
          name
        }
      }
      procedure {
        id
        nationalCode
        name
      }
      sample {
        id
        name
      }
      sampleItem {
        ordinal
      }
      document {
        id
        fileName
      }
    }
  }
`);

export const PlanFindingEditQuery = graphql(`
  query PlanFindingEdit($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Finding {
        ...FindingEditFields
      }
    }
  }
`);

export const PlanFindingWithdrawMutation = graphql(`
  mutation PlanFindingWithdraw($input: FindingActionInput!) {
    findingWithdraw(input: $input) {
      finding {
        ...FindingRowFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/** One stored piece of evidence as the evidence picker holds it, with the same words it uses for a new piece. */
export function evidenceDraftOf(item: FindingEditFieldsFragment['evidence'][number]): EvidenceDraft {
  const note = item.note ? { note: item.note } : {};
  switch (item.kind) {
    case 'DOSSIER':
      return {
        input: { kind: 'DOSSIER', dossierId: item.dossier?.id, ...note },
        label: item.dossier ? `${item.dossier.receiptCode} · ${item.dossier.procedure.name}` : '',
      };
    case 'PROCEDURE':
      return {
        input: { kind: 'PROCEDURE', procedureId: item.procedure?.id, ...note },
        label: item.procedure ? `${item.procedure.nationalCode} · ${item.procedure.name}` : '',
      };
    case 'SAMPLE_ITEM':
      return {
        input: { kind: 'SAMPLE_ITEM', sampleId: item.sample?.id, sampleOrdinal: item.sampleItem?.ordinal, ...note },
        label: `${item.sample?.name ?? ''} #${item.sampleItem?.ordinal ?? ''}${item.dossier ? ` · ${item.dossier.receiptCode}` : ''}`,
      };
    case 'DOCUMENT':
      return { input: { kind: 'DOCUMENT', documentId: item.document?.id, ...note }, label: item.document?.fileName ?? '' };
  }
}

/** A recorded finding as the form's values. */
export function valuesOfFinding(finding: FindingEditFieldsFragment): FindingValues {
  return {
    unitId: finding.unit.id,
    category: finding.category,
    severity: finding.severity,
    description: finding.description,
    responsibleOfficialIds: finding.responsibleOfficials.map((official) => official.id),
    evidence: finding.evidence.map(evidenceDraftOf),
    recommendation: finding.recommendation,
    remediationDeadline: finding.remediationDeadline,
  };
}

/** Reads a finding as stored now (with its evidence) and opens the record form on it to change it. */
export function FindingEditLoader({
  plan,
  findingId,
  onSaved,
  onCancel,
}: {
  plan: PlanDetailFieldsFragment;
  findingId: string;
  onSaved: (number: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('plans');
  const { data, loading, error, refetch } = useQuery(PlanFindingEditQuery, { variables: { id: findingId }, fetchPolicy: 'network-only' });
  if (loading && !data) return <Loading label={t('findings.editLoading')} />;
  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  const finding = data?.node?.__typename === 'Finding' ? data.node : null;
  if (!finding || finding.status === 'WITHDRAWN') {
    return (
      <Alert color="yellow" withCloseButton onClose={onCancel} data-testid="finding-edit-missing">
        {t('findings.editMissing')}
      </Alert>
    );
  }
  const editing: FindingEditing = { id: finding.id, number: finding.number, version: finding.version, unitName: finding.unit.name, values: valuesOfFinding(finding) };
  return <FindingRecordForm key={`${finding.id}-${finding.version}`} plan={plan} editing={editing} onRecorded={onSaved} onCancel={onCancel} />;
}

/** At least two words, as the server demands of a reason. */
export function withdrawalReasonProblem(reason: string): string | null {
  const trimmed = reason.trim();
  if (!trimmed) return 'findings.withdraw.reasonRequired';
  if (trimmed.split(/\s+/).length < 2) return 'findings.withdraw.reasonVague';
  return null;
}

/** Asks for the reason, then withdraws the finding: it stays on record, struck through, and leaves the conclusion. */
export function FindingWithdrawModal({
  finding,
  onClose,
  onWithdrawn,
}: {
  finding: { id: string; number: number; version: number } | null;
  onClose: () => void;
  onWithdrawn: (number: number) => void;
}) {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [withdraw, { loading }] = useMutation(PlanFindingWithdrawMutation, { refetchQueries: ['PlanFindings'] });

  const close = () => {
    setReason('');
    setReasonError(null);
    setFormErrors([]);
    setFailure(null);
    onClose();
  };

  const submit = async () => {
    if (!finding) return;
    const problem = withdrawalReasonProblem(reason);
    setReasonError(problem ? t(problem) : null);
    setFormErrors([]);
    setFailure(null);
    if (problem) return;
    try {
      const { data } = await withdraw({ variables: { input: { findingId: finding.id, version: finding.version, text: reason.trim() } } });
      const payload = data?.findingWithdraw;
      const userErrors = payload?.userErrors ?? [];
      if (userErrors.length > 0 || !payload?.finding) {
        const describe = (error: (typeof userErrors)[number]) => planUserErrorText(error, t, (key) => i18n.exists(key));
        const atReason = userErrors.filter((error) => fieldName(error.field) === 'text');
        setReasonError(atReason.length > 0 ? atReason.map(describe).join(' ') : null);
        setFormErrors(userErrors.filter((error) => fieldName(error.field) !== 'text').map(describe));
        return;
      }
      const number = finding.number;
      close();
      onWithdrawn(number);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Modal opened={finding !== null} onClose={close} title={finding ? t('findings.withdraw.title', { number: finding.number }) : ''} centered>
      <Stack gap="sm">
        <Text fz="sm">{t('findings.withdraw.help')}</Text>
        <Textarea
          label={t('findings.withdraw.reason')}
          description={t('findings.withdraw.reasonHelp')}
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={reasonError}
          data-testid="finding-withdraw-reason"
        />
        {formErrors.length > 0 && (
          <Alert color="red" variant="light" data-testid="finding-withdraw-errors">
            <List size="sm">
              {formErrors.map((message, index) => (
                <List.Item key={index}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {failure != null && <ErrorMessage error={failure} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:cancel')}
          </Button>
          <Button color="red" onClick={() => void submit()} loading={loading} data-testid="finding-withdraw-confirm">
            {t('findings.withdraw.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
