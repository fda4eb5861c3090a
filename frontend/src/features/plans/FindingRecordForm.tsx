import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Group, List, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { UnitSelect } from '../../components/UnitSelect';
import { graphql } from '../../gql/gql';
import type { FindingCategory, FindingRecordInput, FindingSeverity, FindingUpdateInput, PlanDetailFieldsFragment } from '../../gql/graphql';
import { fieldName, type UserErrorLike } from '../../lib/apollo/userErrors';
import { todayInVietnam } from '../../lib/format';
import { oneOf } from '../../lib/vocabulary';
import { EvidencePicker, type EvidenceDraft } from './EvidencePicker';
import { FINDING_CATEGORIES, FINDING_SEVERITIES } from './findingVocabulary';
import { planUserErrorText } from './planUserErrors';
import { useUnitOfficials } from './unitOfficials';

export const FindingRecordMutation = graphql(`
  mutation FindingRecord($input: FindingRecordInput!) {
    findingRecord(input: $input) {
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

export const FindingUpdateMutation = graphql(`
  mutation PlanFindingUpdate($input: FindingUpdateInput!) {
    findingUpdate(input: $input) {
      finding {
        ...FindingRowFields
        ...FindingEditFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export interface FindingValues {
  unitId: string | undefined;
  category: FindingCategory | null;
  severity: FindingSeverity | null;
  description: string;
  responsibleOfficialIds: string[];
  evidence: EvidenceDraft[];
  recommendation: string;
  remediationDeadline: string;
}

export const EMPTY_FINDING: FindingValues = {
  unitId: undefined,
  category: null,
  severity: null,
  description: '',
  responsibleOfficialIds: [],
  evidence: [],
  recommendation: '',
  remediationDeadline: '',
};

const FIELDS = ['unitId', 'category', 'severity', 'description', 'responsibleOfficialIds', 'evidence', 'recommendation', 'remediationDeadline'] as const;

/** Checks a finding before sending it; message keys per field. */
export function validateFinding(values: FindingValues, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.unitId) errors.unitId = 'findings.errors.unitRequired';
  if (!values.category) errors.category = 'findings.errors.categoryRequired';
  if (!values.severity) errors.severity = 'findings.errors.severityRequired';
  if (!values.description.trim()) errors.description = 'findings.errors.descriptionRequired';
  if (values.evidence.length === 0) errors.evidence = 'findings.errors.evidenceRequired';
  if (!values.recommendation.trim()) errors.recommendation = 'findings.errors.recommendationRequired';
  if (!values.remediationDeadline) errors.remediationDeadline = 'findings.errors.deadlineRequired';
  else if (values.remediationDeadline <= today) errors.remediationDeadline = 'findings.errors.deadlineFuture';
  return errors;
}

export function findingInput(planId: string, values: FindingValues): FindingRecordInput {
  return {
    planId,
    unitId: values.unitId!,
    category: values.category!,
    severity: values.severity!,
    description: values.description.trim(),
    ...(values.responsibleOfficialIds.length > 0 ? { responsibleOfficialIds: values.responsibleOfficialIds } : {}),
    evidence: values.evidence.map((draft) => draft.input),
    recommendation: values.recommendation.trim(),
    remediationDeadline: values.remediationDeadline,
  };
}

/** The update mutation's input: the same fields as on recording except the unit, which stays, with the version read. */
export function findingUpdateInput(findingId: string, version: number, values: FindingValues): FindingUpdateInput {
  const { category, severity, description, evidence, recommendation, remediationDeadline } = findingInput('', values);
  // Every field replaces the stored one: an empty list removes the officials named before.
  return { findingId, version, category, severity, description, responsibleOfficialIds: values.responsibleOfficialIds, evidence, recommendation, remediationDeadline };
}

/** A recorded finding to change: its id, the version read, its values and the name of its (fixed) unit. */
export interface FindingEditing {
  id: string;
  number: number;
  version: number;
  unitName: string;
  values: FindingValues;
}

interface Errors {
  fields: Record<string, string>;
  evidence: Record<number, string>;
  form: string[];
}

const NO_ERRORS: Errors = { fields: {}, evidence: {}, form: [] };

/** Places the server's userErrors next to the inputs they name, evidence problems next to the piece at fault. */
export function sortFindingErrors(errors: readonly UserErrorLike[], describe: (error: UserErrorLike) => string): Errors {
  const result: Errors = { fields: {}, evidence: {}, form: [] };
  for (const error of errors) {
    const name = fieldName(error.field);
    const text = describe(error);
    const piece = name ? /^evidence\.(\d+)/.exec(name) : null;
    if (piece) {
      const index = Number(piece[1]);
      result.evidence[index] = result.evidence[index] ? `${result.evidence[index]} ${text}` : text;
    } else if (name && (FIELDS as readonly string[]).includes(name)) {
      result.fields[name] = result.fields[name] ? `${result.fields[name]} ${text}` : text;
    } else {
      result.form.push(text);
    }
  }
  return result;
}

/**
 * Records a finding at a target unit with its evidence, recommendation and deadline (team members, plan in progress);
 * with `editing`, changes a recorded one instead (its unit stays).
 */
export function FindingRecordForm({
  plan,
  editing,
  onRecorded,
  onCancel,
}: {
  plan: PlanDetailFieldsFragment;
  editing?: FindingEditing;
  onRecorded: (number: number) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const [values, setValues] = useState<FindingValues>(editing?.values ?? EMPTY_FINDING);
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [failure, setFailure] = useState<unknown>(null);
  const [record, recording] = useMutation(FindingRecordMutation, { refetchQueries: ['PlanFindings'] });
  const [update, updating] = useMutation(FindingUpdateMutation, { refetchQueries: ['PlanFindings'] });
  const loading = recording.loading || updating.loading;
  const { officials, loading: officialsLoading } = useUnitOfficials(values.unitId);
  const set = <K extends keyof FindingValues>(key: K, value: FindingValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = validateFinding(values, todayInVietnam());
    if (Object.keys(invalid).length > 0) {
      setErrors({ ...NO_ERRORS, fields: Object.fromEntries(Object.entries(invalid).map(([name, key]) => [name, t(key)])) });
      return;
    }
    setErrors(NO_ERRORS);
    setFailure(null);
    try {
      const payload = editing
        ? (await update({ variables: { input: findingUpdateInput(editing.id, editing.version, values) } })).data?.findingUpdate
        : (await record({ variables: { input: findingInput(plan.id, values) } })).data?.findingRecord;
      if (payload?.userErrors.length) {
        setErrors(sortFindingErrors(payload.userErrors, (error) => planUserErrorText(error, t, (key) => i18n.exists(key))));
      } else if (payload?.finding) {
        setValues(EMPTY_FINDING);
        onRecorded(payload.finding.number);
      }
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Card withBorder component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate data-testid={editing ? 'finding-edit-form' : 'finding-form'}>
      <Title order={3} size="h4">
        {editing ? t('findings.editTitle', { number: editing.number }) : t('findings.recordTitle')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {editing ? t('findings.editHelp') : t('findings.recordHelp')}
      </Text>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {editing ? (
            <TextInput label={t('findings.unit')} description={t('findings.unitFixed')} value={editing.unitName} readOnly data-testid="finding-unit-fixed" />
          ) : (
          <UnitSelect
            label={t('findings.unit')}
            description={t('findings.unitHelp')}
            placeholder={t('findings.unitPlaceholder')}
            asOf={plan.periodTo ?? undefined}
            required
            value={values.unitId}
            onChange={(unitId) => setValues((current) => ({ ...current, unitId, responsibleOfficialIds: [] }))}
            error={errors.fields.unitId}
            data-testid="finding-unit"
          />
          )}
          <MultiSelect
            label={t('findings.officials')}
            description={t('findings.officialsHelp')}
            placeholder={values.unitId ? undefined : t('findings.officialsPickUnit')}
            data={officials.map((official) => ({ value: official.id, label: `${official.fullName} · ${official.position}` }))}
            value={values.responsibleOfficialIds}
            onChange={(ids) => set('responsibleOfficialIds', ids)}
            disabled={!values.unitId || officialsLoading}
            searchable
            clearable
            error={errors.fields.responsibleOfficialIds}
            data-testid="finding-officials"
          />
          <Select
            label={t('findings.category')}
            required
            data={FINDING_CATEGORIES.map((category) => ({ value: category, label: t(`findingCategory.${category}`) }))}
            value={values.category}
            onChange={(value) => set('category', oneOf(FINDING_CATEGORIES, value) ?? null)}
            error={errors.fields.category}
            data-testid="finding-category"
          />
          <Select
            label={t('findings.severity')}
            description={t('findings.severityHelp')}
            required
            data={FINDING_SEVERITIES.map((severity) => ({ value: severity, label: t(`severity.${severity}`) }))}
            value={values.severity}
            onChange={(value) => set('severity', oneOf(FINDING_SEVERITIES, value) ?? null)}
            error={errors.fields.severity}
            data-testid="finding-severity"
          />
        </SimpleGrid>
        <Textarea
          label={t('findings.description')}
          description={t('findings.descriptionHelp')}
          required
          autosize
          minRows={3}
          value={values.description}
          onChange={(event) => set('description', event.currentTarget.value)}
          error={errors.fields.description}
          data-testid="finding-description"
        />
        <EvidencePicker
          planNumber={plan.number}
          value={values.evidence}
          onChange={(evidence) => set('evidence', evidence)}
          error={errors.fields.evidence}
          itemErrors={errors.evidence}
        />
        <Textarea
          label={t('findings.recommendation')}
          description={t('findings.recommendationHelp')}
          required
          autosize
          minRows={2}
          value={values.recommendation}
          onChange={(event) => set('recommendation', event.currentTarget.value)}
          error={errors.fields.recommendation}
          data-testid="finding-recommendation"
        />
        <TextInput
          type="date"
          label={t('findings.deadline')}
          description={t('findings.deadlineHelp')}
          required
          value={values.remediationDeadline}
          onChange={(event) => set('remediationDeadline', event.currentTarget.value)}
          error={errors.fields.remediationDeadline}
          data-testid="finding-deadline"
          w={{ base: '100%', sm: 240 }}
        />
        {errors.form.length > 0 && (
          <Alert color="red" variant="light" data-testid="finding-form-errors">
            <List size="sm">
              {errors.form.map((message, index) => (
                <List.Item key={index}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {failure != null && <ErrorMessage error={failure} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common:cancel')}
          </Button>
          <Button type="submit" loading={loading} data-testid={editing ? 'finding-save' : 'finding-record'}>
            {editing ? t('findings.saveChanges') : t('findings.record')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
