import { useApolloClient, useQuery } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { Alert, Button, Checkbox, Group, Modal, Rating, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql/gql';
import type { DossierStatus, ReasonCategory } from '../../gql/graphql';
import { mapUserErrors, type FormErrors, type UserErrorLike } from '../../lib/apollo/userErrors';
import { todayInVietnam } from '../../lib/format';
import { actionSlug, type DossierAction } from './dossierActions';
import { ACTION_FIELDS, validateAction, type FieldSpec, type FormValues } from './dossierActionForm';
import { oneOf } from '../../lib/vocabulary';
import { REASON_CATEGORIES } from './dossierVocabulary';
import { userErrorText } from './userErrorText';

export const DossierAdvanceMutation = graphql(`
  mutation DossierAdvance($input: DossierAdvanceInput!) {
    dossierAdvance(input: $input) {
      dossier {
        ...DossierDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const DossierRequestSupplementMutation = graphql(`
  mutation DossierRequestSupplement($input: DossierRequestSupplementInput!) {
    dossierRequestSupplement(input: $input) {
      dossier {
        ...DossierDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const DossierResumeAfterSupplementMutation = graphql(`
  mutation DossierResumeAfterSupplement($input: DossierResumeAfterSupplementInput!) {
    dossierResumeAfterSupplement(input: $input) {
      dossier {
        ...DossierDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const DossierResolveMutation = graphql(`
  mutation DossierResolve($input: DossierResolveInput!) {
    dossierResolve(input: $input) {
      dossier {
        ...DossierDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const DossierReturnMutation = graphql(`
  mutation DossierReturn($input: DossierReturnInput!) {
    dossierReturn(input: $input) {
      dossier {
        ...DossierDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const DossierRejectMutation = graphql(`
  mutation DossierReject($input: DossierRejectInput!) {
    dossierReject(input: $input) {
      dossier {
        ...DossierDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const DossierWithdrawMutation = graphql(`
  mutation DossierWithdraw($input: DossierWithdrawInput!) {
    dossierWithdraw(input: $input) {
      dossier {
        ...DossierDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const DossierIssueApologyMutation = graphql(`
  mutation DossierIssueApology($input: DossierIssueApologyInput!) {
    dossierIssueApology(input: $input) {
      dossier {
        ...DossierDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const DossierRateMutation = graphql(`
  mutation DossierRate($input: DossierRateInput!) {
    dossierRate(input: $input) {
      dossier {
        ...DossierDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const DossierUnitOfficialsQuery = graphql(`
  query DossierUnitOfficials($unitId: ID!) {
    node(id: $unitId) {
      __typename
      id
      ... on Unit {
        officials {
          id
          fullName
          position
        }
      }
    }
  }
`);

/** What the form needs to know about the dossier it changes. */
export interface ActionTarget {
  id: string;
  receiptCode: string;
  version: number;
  status: DossierStatus;
  dueDate: string;
  unit: { id: string };
}

interface Outcome {
  userErrors: readonly UserErrorLike[];
  changed: boolean;
}

const text = (values: FormValues, name: string) => (typeof values[name] === 'string' ? (values[name] as string).trim() : '');

/** Sends the action's mutation with the version that was read; every payload has the same shape. */
async function runAction(client: ApolloClient, action: DossierAction, target: ActionTarget, values: FormValues): Promise<Outcome> {
  const base = { dossierId: target.id, version: target.version };
  const outcome = (payload: { dossier?: unknown; userErrors: readonly UserErrorLike[] } | undefined): Outcome => ({
    userErrors: payload?.userErrors ?? [],
    changed: Boolean(payload?.dossier),
  });
  switch (action) {
    case 'advance': {
      const official = text(values, 'assignedOfficialId');
      const { data } = await client.mutate({
        mutation: DossierAdvanceMutation,
        variables: { input: official ? { ...base, assignedOfficialId: official } : base },
      });
      return outcome(data?.dossierAdvance);
    }
    case 'requestSupplement': {
      const { data } = await client.mutate({
        mutation: DossierRequestSupplementMutation,
        variables: { input: { ...base, reason: text(values, 'reason') } },
      });
      return outcome(data?.dossierRequestSupplement);
    }
    case 'resumeAfterSupplement': {
      const { data } = await client.mutate({ mutation: DossierResumeAfterSupplementMutation, variables: { input: base } });
      return outcome(data?.dossierResumeAfterSupplement);
    }
    case 'resolve': {
      const { data } = await client.mutate({
        mutation: DossierResolveMutation,
        variables: {
          input: {
            ...base,
            result: text(values, 'result'),
            digitisedResult: values.digitisedResult === true,
            resultSyncedToCitizenStore: values.resultSyncedToCitizenStore === true,
          },
        },
      });
      return outcome(data?.dossierResolve);
    }
    case 'return': {
      const { data } = await client.mutate({ mutation: DossierReturnMutation, variables: { input: base } });
      return outcome(data?.dossierReturn);
    }
    case 'reject': {
      const { data } = await client.mutate({
        mutation: DossierRejectMutation,
        variables: {
          input: { ...base, category: oneOf(REASON_CATEGORIES, text(values, 'category')) as ReasonCategory, reason: text(values, 'reason') },
        },
      });
      return outcome(data?.dossierReject);
    }
    case 'withdraw': {
      const reason = text(values, 'reason');
      const { data } = await client.mutate({ mutation: DossierWithdrawMutation, variables: { input: reason ? { ...base, reason } : base } });
      return outcome(data?.dossierWithdraw);
    }
    case 'issueApology': {
      const { data } = await client.mutate({
        mutation: DossierIssueApologyMutation,
        variables: { input: { ...base, reason: text(values, 'reason'), newAppointmentDate: text(values, 'newAppointmentDate') } },
      });
      return outcome(data?.dossierIssueApology);
    }
    case 'rate': {
      const { data } = await client.mutate({
        mutation: DossierRateMutation,
        variables: { input: { ...base, satisfaction: Number(values.satisfaction) } },
      });
      return outcome(data?.dossierRate);
    }
  }
}

export interface DossierActionModalProps {
  /** The open form's action; closed when null. */
  action: DossierAction | null;
  dossier: ActionTarget;
  onClose: () => void;
  /** The dossier changed: show it again. */
  onDone: (action: DossierAction) => void;
  /** Someone else changed the dossier: read it again before anything else. */
  onReload: () => void;
}

const EMPTY_ERRORS: FormErrors = { fields: {}, form: [], concurrentModification: false };

/** The form of one transition: labelled inputs, checks before sending, the server's userErrors next to their inputs. */
export function DossierActionModal({ action, dossier, onClose, onDone, onReload }: DossierActionModalProps) {
  const { t, i18n } = useTranslation(['dossiers', 'common']);
  const client = useApolloClient();
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<FormErrors>(EMPTY_ERRORS);
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    // A fresh form every time one opens.
    setValues({});
    setErrors(EMPTY_ERRORS);
    setFailure(null);
  }, [action]);

  if (!action) return null;
  const fields = ACTION_FIELDS[action];

  const describe = (error: UserErrorLike) => userErrorText(error, t, (key) => i18n.exists(key));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = validateAction(action, values, { dueDate: dossier.dueDate, today: todayInVietnam() });
    if (Object.keys(invalid).length > 0) {
      setErrors({ fields: Object.fromEntries(Object.entries(invalid).map(([name, key]) => [name, t(key)])), form: [], concurrentModification: false });
      return;
    }
    setErrors(EMPTY_ERRORS);
    setFailure(null);
    setSubmitting(true);
    try {
      const outcome = await runAction(client, action, dossier, values);
      if (outcome.userErrors.length > 0) {
        setErrors(
          mapUserErrors(
            outcome.userErrors,
            fields.map((spec) => spec.name),
            describe,
          ),
        );
      } else {
        onDone(action);
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  const set = (name: string, value: string | boolean) => {
    setValues((current) => ({ ...current, [name]: value }));
    if (errors.fields[name]) setErrors((current) => ({ ...current, fields: { ...current.fields, [name]: '' } }));
  };

  return (
    <Modal opened onClose={onClose} title={t(`actions.${action}.title`)} size="lg" data-testid={`modal-${actionSlug(action)}`}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t(`actions.${action}.intro`, { code: dossier.receiptCode })}</Text>
          {errors.concurrentModification && (
            <Alert color="orange" role="alert" title={t('actions.concurrentTitle')} data-testid="concurrent-modification">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('actions.concurrent')}</Text>
                <Button size="xs" variant="outline" color="orange" onClick={onReload} data-testid="action-reload">
                  {t('actions.reload')}
                </Button>
              </Stack>
            </Alert>
          )}
          {errors.form.length > 0 && (
            <Alert color="red" role="alert" title={t('actions.refused')} data-testid="form-errors">
              {errors.form.map((message) => (
                <Text size="sm" key={message}>
                  {message}
                </Text>
              ))}
            </Alert>
          )}
          {Boolean(failure) && <ErrorMessage error={failure} />}
          {fields.map((spec) => (
            <ActionField key={spec.name} action={action} spec={spec} value={values[spec.name]} error={errors.fields[spec.name]} onChange={set} unitId={dossier.unit.id} />
          ))}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={submitting}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={submitting} data-testid="action-submit" color={action === 'reject' || action === 'withdraw' ? 'red' : undefined}>
              {t(`actions.${action}.submit`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ActionField({
  action,
  spec,
  value,
  error,
  onChange,
  unitId,
}: {
  action: DossierAction;
  spec: FieldSpec;
  value: string | boolean | undefined;
  error: string | undefined;
  onChange: (name: string, value: string | boolean) => void;
  unitId: string;
}) {
  const { t } = useTranslation('dossiers');
  const label = t(`actions.${action}.fields.${spec.name}`);
  const common = { label, required: spec.required, error: error || undefined, 'data-testid': spec.testId };
  const string = typeof value === 'string' ? value : '';
  switch (spec.kind) {
    case 'textarea':
      return <Textarea {...common} autosize minRows={3} maxRows={8} value={string} onChange={(event) => onChange(spec.name, event.currentTarget.value)} />;
    case 'text':
      return <TextInput {...common} value={string} onChange={(event) => onChange(spec.name, event.currentTarget.value)} />;
    case 'date':
      return <TextInput {...common} type="date" value={string} onChange={(event) => onChange(spec.name, event.currentTarget.value)} />;
    case 'checkbox':
      return (
        <Checkbox
          label={label}
          description={t(`actions.${action}.hints.${spec.name}`, { defaultValue: '' }) || undefined}
          checked={value === true}
          onChange={(event) => onChange(spec.name, event.currentTarget.checked)}
          error={error || undefined}
          data-testid={spec.testId}
        />
      );
    case 'category':
      return (
        <Select
          {...common}
          placeholder={t('actions.choose')}
          data={REASON_CATEGORIES.map((category) => ({ value: category, label: t(`reasonCategory.${category}`) }))}
          value={string || null}
          onChange={(next) => onChange(spec.name, next ?? '')}
        />
      );
    case 'rating':
      return (
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${spec.testId}-label`}>
            {label} <span aria-hidden>*</span>
          </Text>
          <Rating
            value={Number(string) || 0}
            onChange={(next) => onChange(spec.name, String(next))}
            count={5}
            aria-labelledby={`${spec.testId}-label`}
            data-testid={spec.testId}
          />
          {string && <Text size="xs">{t(`satisfaction.${string}`)}</Text>}
          {error && (
            <Text size="xs" c="red" role="alert">
              {error}
            </Text>
          )}
        </Stack>
      );
    case 'official':
      return <OfficialSelect {...common} unitId={unitId} value={string} onChange={(next) => onChange(spec.name, next)} />;
  }
}

/** The officials of the handling unit; empty means the caller takes over. */
function OfficialSelect({
  unitId,
  value,
  onChange,
  label,
  error,
  'data-testid': testId,
}: {
  unitId: string;
  value: string;
  onChange: (value: string) => void;
  label: string;
  error?: string;
  'data-testid': string;
}) {
  const { t } = useTranslation('dossiers');
  const { data, loading } = useQuery(DossierUnitOfficialsQuery, { variables: { unitId } });
  const officials = data?.node?.__typename === 'Unit' ? data.node.officials : [];
  return (
    <Select
      label={label}
      description={t('actions.advance.officialHint')}
      placeholder={loading ? t('actions.loadingOfficials') : t('actions.advance.me')}
      data={officials.map((official) => ({ value: official.id, label: `${official.fullName} – ${official.position}` }))}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable
      clearable
      error={error}
      data-testid={testId}
    />
  );
}
