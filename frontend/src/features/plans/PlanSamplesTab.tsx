import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql/gql';
import type { DossierSampleDrawInput, InspectionOutcome, PlanSamplesQuery as PlanSamplesResult, ProcedureField, SampleExaminationResult } from '../../gql/graphql';
import { mapUserErrors, type FormErrors, type UserErrorLike } from '../../lib/apollo/userErrors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { oneOf, PROCEDURE_FIELDS } from '../../lib/vocabulary';
import type { PlanTabProps } from './planTabs';
import { planUserErrorText } from './planUserErrors';
import { dossierPath } from './planVocabulary';

export const DossierSampleFields = graphql(`
  fragment DossierSampleFields on DossierSample {
    id
    name
    seed
    size
    stratifiedByField
    drawnBy
    drawnAt
    examinedCount
    population {
      unit {
        id
        name
      }
      outcomes
      field
      procedure {
        id
        name
      }
      size
    }
    items {
      ordinal
      stratum
      result
      note
      examinedBy
      examinedAt
      dossier {
        id
        receiptCode
        dueDate
        late
        overdue
        procedure {
          id
          name
        }
      }
    }
  }
`);

export const PlanSamplesQuery = graphql(`
  query PlanSamples($number: String!) {
    inspectionPlan(number: $number) {
      id
      samples {
        ...DossierSampleFields
      }
    }
  }
`);

export const DossierSampleDrawMutation = graphql(`
  mutation DossierSampleDraw($input: DossierSampleDrawInput!) {
    dossierSampleDraw(input: $input) {
      sample {
        ...DossierSampleFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const DossierSampleExamineMutation = graphql(`
  mutation DossierSampleExamine($input: DossierSampleExamineInput!) {
    dossierSampleExamine(input: $input) {
      sample {
        ...DossierSampleFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const INSPECTION_OUTCOMES = [
  'RESOLVED_ON_TIME',
  'RESOLVED_LATE',
  'REJECTED',
  'WITHDRAWN',
  'OPEN_WITHIN_TIME',
  'OPEN_OVERDUE',
] as const satisfies readonly InspectionOutcome[];

export const EXAMINATION_RESULTS = ['COMPLIANT', 'NON_COMPLIANT', 'INCONCLUSIVE'] as const satisfies readonly SampleExaminationResult[];

const RESULT_COLOURS: Record<SampleExaminationResult, string> = { COMPLIANT: 'teal', NON_COMPLIANT: 'red', INCONCLUSIVE: 'yellow' };

export const MAX_SAMPLE_SIZE = 500;

type Sample = NonNullable<PlanSamplesResult['inspectionPlan']>['samples'][number];
type SampleItem = Sample['items'][number];

export interface DrawValues {
  name: string;
  unitId: string | null;
  outcomes: InspectionOutcome[];
  field: ProcedureField | null;
  size: number | string;
  stratifyByField: boolean;
  seed: string;
}

const EMPTY_DRAW: DrawValues = { name: '', unitId: null, outcomes: [], field: null, size: 20, stratifyByField: false, seed: '' };
const DRAW_FIELDS = ['name', 'population.unitId', 'population.outcomes', 'population.field', 'size', 'stratifyByField', 'seed'];

/** Checks a draw before sending it; message keys per field. */
export function validateDraw(values: DrawValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'samples.errors.nameRequired';
  const size = typeof values.size === 'number' ? values.size : Number.NaN;
  if (!Number.isInteger(size) || size < 1 || size > MAX_SAMPLE_SIZE) errors.size = 'samples.errors.size';
  return errors;
}

/** The mutation input for a draw: only the filters that were chosen, the seed only when given. */
export function drawInput(planId: string, values: DrawValues): DossierSampleDrawInput {
  const population: DossierSampleDrawInput['population'] = {};
  if (values.unitId) population.unitId = values.unitId;
  if (values.outcomes.length > 0) population.outcomes = values.outcomes;
  if (values.field) population.field = values.field;
  const input: DossierSampleDrawInput = { planId, name: values.name.trim(), population, size: Number(values.size), stratifyByField: values.stratifyByField };
  const seed = values.seed.trim();
  if (seed) input.seed = seed;
  return input;
}

const EMPTY_ERRORS: FormErrors = { fields: {}, form: [], concurrentModification: false };

/** The plan's dossier samples: drawing one, the list, and the examination of each sampled dossier. */
export function PlanSamplesTab({ plan, role }: PlanTabProps) {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const [searchParams, setSearchParams] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(PlanSamplesQuery, { variables: { number: plan.number }, fetchPolicy: 'cache-and-network' });
  const samples = data?.inspectionPlan?.samples ?? [];
  const selectedId = searchParams.get('sample');
  const selected = samples.find((sample) => sample.id === selectedId);
  const canDraw = role.isMember && (plan.status === 'APPROVED' || plan.status === 'IN_PROGRESS');
  const canExamine = role.isMember && plan.status === 'IN_PROGRESS';

  const select = (id: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('sample', id);
    setSearchParams(next);
  };

  return (
    <Stack gap="md">
      {canDraw ? (
        <DrawForm plan={plan} onDrawn={(id) => select(id)} />
      ) : (
        <Text c="dimmed" fz="sm" data-testid="sample-draw-closed">
          {t(role.isMember ? 'samples.drawClosed' : 'samples.teamOnly')}
        </Text>
      )}
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('samples.listTitle')}
        </Title>
        {loading && !data ? (
          <Loading label={t('samples.loading')} />
        ) : error && !data ? (
          <ErrorMessage error={error} onRetry={() => void refetch()} />
        ) : samples.length === 0 ? (
          <Text c="dimmed" data-testid="samples-empty">
            {t('samples.empty')}
          </Text>
        ) : (
          <Stack gap="xs" data-testid="sample-list">
            {samples.map((sample) => (
              <UnstyledButton
                key={sample.id}
                onClick={() => select(sample.id)}
                data-testid="sample-row"
                aria-current={sample.id === selectedId ? 'true' : undefined}
                p="xs"
                style={{
                  borderRadius: 'var(--mantine-radius-sm)',
                  border: `1px solid var(--mantine-color-${sample.id === selectedId ? 'blue-5' : 'gray-3'})`,
                }}
              >
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fw={600}>{sample.name}</Text>
                  <Badge variant="light" tt="none">
                    {t('samples.examined', { done: sample.examinedCount, size: sample.size })}
                  </Badge>
                </Group>
                <Text fz="sm" c="dimmed">
                  {populationText(sample, t)} · {t('samples.drawnBy', { name: sample.drawnBy, at: formatDateTime(sample.drawnAt, i18n.language) })}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        )}
      </Card>
      {selected && <SampleItems sample={selected} canExamine={canExamine} />}
    </Stack>
  );
}

function populationText(sample: Sample, t: (key: string, options?: Record<string, unknown>) => string): string {
  const parts = [sample.population.unit?.name ?? t('samples.allTargets')];
  if (sample.population.outcomes.length > 0) parts.push(sample.population.outcomes.map((outcome) => t(`outcome.${outcome}`)).join(', '));
  if (sample.population.field) parts.push(t(`common:procedureField.${sample.population.field}`));
  if (sample.population.procedure) parts.push(sample.population.procedure.name);
  parts.push(t('samples.populationSize', { size: sample.population.size, drawn: sample.size }));
  if (sample.stratifiedByField) parts.push(t('samples.stratified'));
  return parts.join(' · ');
}

function DrawForm({ plan, onDrawn }: { plan: PlanTabProps['plan']; onDrawn: (sampleId: string) => void }) {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const [values, setValues] = useState<DrawValues>(EMPTY_DRAW);
  const [errors, setErrors] = useState<FormErrors>(EMPTY_ERRORS);
  const [failure, setFailure] = useState<unknown>(null);
  const [draw, { loading }] = useMutation(DossierSampleDrawMutation, { refetchQueries: [PlanSamplesQuery] });
  const set = <K extends keyof DrawValues>(key: K, value: DrawValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const describe = (error: UserErrorLike) => planUserErrorText(error, t, (key) => i18n.exists(key));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = validateDraw(values);
    if (Object.keys(invalid).length > 0) {
      setErrors({ ...EMPTY_ERRORS, fields: Object.fromEntries(Object.entries(invalid).map(([name, key]) => [name, t(key)])) });
      return;
    }
    setErrors(EMPTY_ERRORS);
    setFailure(null);
    try {
      const { data } = await draw({ variables: { input: drawInput(plan.id, values) } });
      const payload = data?.dossierSampleDraw;
      if (payload?.userErrors.length) {
        setErrors(mapUserErrors(payload.userErrors, DRAW_FIELDS, describe));
      } else if (payload?.sample) {
        setValues(EMPTY_DRAW);
        onDrawn(payload.sample.id);
      }
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Card withBorder component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate data-testid="sample-draw-form">
      <Title order={3} size="h4">
        {t('samples.drawTitle')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('samples.drawHelp')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('samples.name')}
          placeholder={t('samples.namePlaceholder')}
          required
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={errors.fields.name}
          data-testid="sample-name"
        />
        <Select
          label={t('samples.unit')}
          placeholder={t('samples.allTargets')}
          data={plan.targets.map((target) => ({ value: target.id, label: target.name }))}
          value={values.unitId}
          onChange={(value) => set('unitId', value)}
          clearable
          error={errors.fields['population.unitId']}
          data-testid="sample-unit"
        />
        <MultiSelect
          label={t('samples.outcomes')}
          description={t('samples.outcomesHelp')}
          placeholder={values.outcomes.length === 0 ? t('samples.allOutcomes') : undefined}
          data={INSPECTION_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`outcome.${outcome}`) }))}
          value={values.outcomes}
          onChange={(value) => set('outcomes', value.filter((v): v is InspectionOutcome => oneOf(INSPECTION_OUTCOMES, v) !== undefined))}
          clearable
          error={errors.fields['population.outcomes']}
          data-testid="sample-outcomes"
        />
        <Select
          label={t('samples.field')}
          placeholder={t('samples.allFields')}
          data={PROCEDURE_FIELDS.map((field) => ({ value: field, label: t(`common:procedureField.${field}`) }))}
          value={values.field}
          onChange={(value) => set('field', oneOf(PROCEDURE_FIELDS, value) ?? null)}
          clearable
          searchable
          error={errors.fields['population.field']}
          data-testid="sample-field"
        />
        <NumberInput
          label={t('samples.size')}
          description={t('samples.sizeHelp', { max: MAX_SAMPLE_SIZE })}
          required
          min={1}
          max={MAX_SAMPLE_SIZE}
          allowDecimal={false}
          value={values.size}
          onChange={(value) => set('size', value)}
          error={errors.fields.size}
          data-testid="sample-size"
        />
        <TextInput
          label={t('samples.seed')}
          description={t('samples.seedHelp')}
          value={values.seed}
          onChange={(event) => set('seed', event.currentTarget.value)}
          error={errors.fields.seed}
          data-testid="sample-seed"
        />
      </SimpleGrid>
      <Checkbox
        mt="sm"
        label={t('samples.stratify')}
        description={t('samples.stratifyHelp')}
        checked={values.stratifyByField}
        onChange={(event) => set('stratifyByField', event.currentTarget.checked)}
        data-testid="sample-stratify"
      />
      {errors.form.length > 0 && (
        <Alert color="red" variant="light" mt="sm" data-testid="sample-draw-errors">
          {errors.form.join(' ')}
        </Alert>
      )}
      {failure != null && <ErrorMessage error={failure} />}
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={loading} data-testid="sample-draw">
          {t('samples.draw')}
        </Button>
      </Group>
    </Card>
  );
}

function SampleItems({ sample, canExamine }: { sample: Sample; canExamine: boolean }) {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const [examining, setExamining] = useState<SampleItem | null>(null);
  return (
    <Card withBorder data-testid="sample-detail">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={3} size="h4">
          {sample.name}
        </Title>
        <Text fz="sm" c="dimmed" data-testid="sample-seed-value">
          {t('samples.seedValue', { seed: sample.seed })}
        </Text>
      </Group>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('samples.seedExplained')}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('samples.dossier')}</Table.Th>
              <Table.Th>{t('samples.stratum')}</Table.Th>
              <Table.Th>{t('samples.result')}</Table.Th>
              <Table.Th>{t('samples.note')}</Table.Th>
              {canExamine && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sample.items.map((item) => (
              <Table.Tr key={item.ordinal} data-testid="sample-item" data-ordinal={item.ordinal}>
                <Table.Td>{formatNumber(item.ordinal, i18n.language)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={dossierPath(item.dossier.receiptCode)} ff="monospace" fz="sm">
                    {item.dossier.receiptCode}
                  </Anchor>
                  <Text fz="xs" c="dimmed">
                    {item.dossier.procedure.name}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm">{item.stratum ? t(`common:procedureField.${item.stratum}`) : '—'}</Table.Td>
                <Table.Td>
                  {item.result ? (
                    <Badge color={RESULT_COLOURS[item.result]} variant="light" tt="none" data-testid="sample-item-result">
                      {t(`examination.${item.result}`)}
                    </Badge>
                  ) : (
                    <Text fz="sm" c="dimmed">
                      {t('samples.notExamined')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td fz="sm">
                  {item.note}
                  {item.examinedBy && (
                    <Text fz="xs" c="dimmed">
                      {item.examinedBy} · {formatDateTime(item.examinedAt, i18n.language)}
                    </Text>
                  )}
                </Table.Td>
                {canExamine && (
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setExamining(item)} data-testid="sample-examine">
                      {t('samples.examine')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ExamineModal sample={sample} item={examining} onClose={() => setExamining(null)} />
    </Card>
  );
}

function ExamineModal({ sample, item, onClose }: { sample: Sample; item: SampleItem | null; onClose: () => void }) {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const [result, setResult] = useState<SampleExaminationResult | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(EMPTY_ERRORS);
  const [failure, setFailure] = useState<unknown>(null);
  const [examine, { loading }] = useMutation(DossierSampleExamineMutation);
  const [openedFor, setOpenedFor] = useState<number | null>(null);

  if (item && openedFor !== item.ordinal) {
    // A fresh form for every item opened, starting from what was recorded.
    setOpenedFor(item.ordinal);
    setResult(item.result ?? null);
    setNote(item.note ?? '');
    setErrors(EMPTY_ERRORS);
    setFailure(null);
  }
  if (!item && openedFor !== null) setOpenedFor(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!item) return;
    const invalid: Record<string, string> = {};
    if (!result) invalid.result = t('samples.errors.resultRequired');
    if (result === 'NON_COMPLIANT' && !note.trim()) invalid.note = t('samples.errors.noteRequired');
    if (Object.keys(invalid).length > 0) {
      setErrors({ ...EMPTY_ERRORS, fields: invalid });
      return;
    }
    setFailure(null);
    try {
      const trimmed = note.trim();
      const { data } = await examine({
        variables: { input: { sampleId: sample.id, ordinal: item.ordinal, result: result!, ...(trimmed ? { note: trimmed } : {}) } },
      });
      const payload = data?.dossierSampleExamine;
      if (payload?.userErrors.length) {
        setErrors(mapUserErrors(payload.userErrors, ['result', 'note'], (error) => planUserErrorText(error, t, (key) => i18n.exists(key))));
      } else if (payload?.sample) {
        onClose();
      }
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Modal opened={item !== null} onClose={onClose} title={item ? t('samples.examineTitle', { code: item.dossier.receiptCode }) : ''} centered>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Radio.Group
            label={t('samples.result')}
            required
            value={result ?? ''}
            onChange={(value) => setResult(oneOf(EXAMINATION_RESULTS, value) ?? null)}
            error={errors.fields.result}
            data-testid="sample-examine-result"
          >
            <Stack gap={6} mt={4}>
              {EXAMINATION_RESULTS.map((value) => (
                <Radio key={value} value={value} label={t(`examination.${value}`)} data-testid={`sample-examine-${value}`} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('samples.note')}
            description={t('samples.noteHelp')}
            autosize
            minRows={3}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={errors.fields.note}
            data-testid="sample-examine-note"
          />
          {errors.form.length > 0 && (
            <Alert color="red" variant="light">
              <List size="sm">
                {errors.form.map((message, index) => (
                  <List.Item key={index}>{message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {failure != null && <ErrorMessage error={failure} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={loading} data-testid="sample-examine-save">
              {t('samples.saveExamination')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
