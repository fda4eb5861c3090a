import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  type ComboboxItem,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { UnitSelect } from '../../components/UnitSelect';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import type { DossierReceiveMutation as DossierReceiveResult } from '../../gql/graphql';
import { mapUserErrors, type FormErrors, type UserErrorLike } from '../../lib/apollo/userErrors';
import { useAuth } from '../../lib/auth/AuthContext';
import { formatDate } from '../../lib/format';
import { oneOf } from '../../lib/vocabulary';
import { APPLICANT_KINDS, DOSSIER_CHANNELS } from './dossierVocabulary';
import { EMPTY_RECEPTION, MAX_NAME_LENGTH, RECEPTION_FIELDS, RECEPTION_INDICATOR_FLAGS, receptionInput, validateReception, type ReceptionValues } from './receptionForm';
import { userErrorText } from './userErrorText';

export const ReceptionProceduresQuery = graphql(`
  query ReceptionProcedures($filter: ProcedureFilter, $first: Int) {
    procedures(filter: $filter, first: $first, orderBy: [{ field: NAME, direction: ASC }]) {
      totalCount
      nodes {
        id
        nationalCode
        name
        statutoryWorkingDays
        reviewState
        unit {
          id
          name
        }
      }
    }
  }
`);

export const DossierReceiveMutation = graphql(`
  mutation DossierReceive($input: DossierReceiveInput!) {
    dossierReceive(input: $input) {
      dossier {
        id
        receiptCode
        dueDate
        status
        procedure {
          id
          name
          statutoryWorkingDays
        }
        unit {
          id
          name
        }
      }
      lookupSecret
      userErrors {
        field
        code
        message
      }
    }
  }
`);

type Received = NonNullable<DossierReceiveResult['dossierReceive']['dossier']>;

const EMPTY_ERRORS: FormErrors = { fields: {}, form: [], concurrentModification: false };
const PROCEDURE_PAGE = 50;

export default function ReceptionPage() {
  const { t, i18n } = useTranslation(['dossiers', 'common']);
  useDocumentTitle(t('reception.title'));
  const { user } = useAuth();
  // An administrator (or anyone without a unit of their own) receives on behalf of a chosen unit.
  const needsUnit = !user?.unitCode;
  const [values, setValues] = useState<ReceptionValues>(EMPTY_RECEPTION);
  const [errors, setErrors] = useState<FormErrors>(EMPTY_ERRORS);
  const [received, setReceived] = useState<{ dossier: Received; secret: string | null } | null>(null);
  const [receive, { loading: sending, error: sendError, reset }] = useMutation(DossierReceiveMutation);

  const set = <K extends keyof ReceptionValues>(name: K, value: ReceptionValues[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    if (errors.fields[name]) setErrors((current) => ({ ...current, fields: { ...current.fields, [name]: '' } }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = validateReception(values, { needsUnit });
    if (Object.keys(invalid).length > 0) {
      setErrors({ fields: Object.fromEntries(Object.entries(invalid).map(([name, key]) => [name, t(key)])), form: [], concurrentModification: false });
      return;
    }
    setErrors(EMPTY_ERRORS);
    try {
      const { data } = await receive({ variables: { input: receptionInput(values) } });
      const payload = data?.dossierReceive;
      if (!payload) return;
      if (payload.userErrors.length > 0 || !payload.dossier) {
        const describe = (error: UserErrorLike) => userErrorText(error, t, (key) => i18n.exists(key));
        setErrors(mapUserErrors(payload.userErrors, RECEPTION_FIELDS, describe));
        return;
      }
      setReceived({ dossier: payload.dossier, secret: payload.lookupSecret ?? null });
    } catch {
      // Shown from `sendError`.
    }
  };

  if (received) {
    return (
      <ReceiptSlip
        dossier={received.dossier}
        secret={received.secret}
        language={i18n.language}
        onAnother={() => {
          setReceived(null);
          setValues(EMPTY_RECEPTION);
          reset();
        }}
      />
    );
  }

  return (
    <Stack gap="md" maw={880}>
      <Title order={2}>{t('reception.title')}</Title>
      <Text>{t('reception.intro')}</Text>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('reception.title')}>
        <Stack gap="md">
          {errors.form.length > 0 && (
            <Alert color="red" role="alert" title={t('actions.refused')} data-testid="form-errors">
              {errors.form.map((message) => (
                <Text size="sm" key={message}>
                  {message}
                </Text>
              ))}
            </Alert>
          )}
          {sendError && <ErrorMessage error={sendError} />}

          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('reception.procedureSection')}
              </Title>
              <UnitSelect
                label={t('reception.unit')}
                description={needsUnit ? t('reception.unitRequiredHint') : t('reception.unitHint')}
                placeholder={needsUnit ? t('reception.unitPlaceholder') : t('reception.ownUnit', { unit: user?.unitCode })}
                value={values.unitId}
                onChange={(unitId) => {
                  set('unitId', unitId);
                  set('procedureId', undefined);
                }}
                required={needsUnit}
                error={errors.fields.unitId || undefined}
                data-testid="reception-unit"
              />
              <ProcedurePicker
                unitId={values.unitId}
                value={values.procedureId}
                onChange={(procedureId) => set('procedureId', procedureId)}
                error={errors.fields.procedureId || undefined}
              />
            </Stack>
          </Paper>

          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('reception.applicantSection')}
              </Title>
              <Stack gap={4}>
                <Text size="sm" fw={500} id="applicant-kind-label">
                  {t('applicant.kind')}
                </Text>
                <SegmentedControl
                  aria-labelledby="applicant-kind-label"
                  value={values.applicantKind}
                  onChange={(kind) => set('applicantKind', oneOf(APPLICANT_KINDS, kind) ?? 'PERSON')}
                  data={APPLICANT_KINDS.map((kind) => ({ value: kind, label: t(`applicantKind.${kind}`) }))}
                  data-testid="reception-applicantKind"
                />
              </Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={values.applicantKind === 'PERSON' ? t('reception.personName') : t('reception.organisationName')}
                  required
                  value={values.applicantName}
                  onChange={(event) => set('applicantName', event.currentTarget.value)}
                  error={errors.fields.applicantName || undefined}
                  maxLength={MAX_NAME_LENGTH}
                  data-testid="reception-applicantName"
                />
                <TextInput
                  label={values.applicantKind === 'PERSON' ? t('reception.citizenId') : t('reception.taxCode')}
                  description={values.applicantKind === 'PERSON' ? t('reception.citizenIdHint') : t('reception.taxCodeHint')}
                  inputMode="numeric"
                  value={values.identityNumber}
                  onChange={(event) => set('identityNumber', event.currentTarget.value)}
                  error={errors.fields.identityNumber || undefined}
                  data-testid="reception-identityNumber"
                />
                <TextInput
                  label={t('applicant.phone')}
                  type="tel"
                  value={values.phone}
                  onChange={(event) => set('phone', event.currentTarget.value)}
                  error={errors.fields.phone || undefined}
                  data-testid="reception-phone"
                />
              </SimpleGrid>
              <Textarea
                label={t('applicant.address')}
                autosize
                minRows={2}
                value={values.address}
                onChange={(event) => set('address', event.currentTarget.value)}
                error={errors.fields.address || undefined}
                data-testid="reception-address"
              />
            </Stack>
          </Paper>

          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('reception.filingSection')}
              </Title>
              <Select
                label={t('columns.channel')}
                required
                data={DOSSIER_CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
                value={values.channel}
                onChange={(channel) => set('channel', oneOf(DOSSIER_CHANNELS, channel) ?? 'DIRECT')}
                allowDeselect={false}
                error={errors.fields.channel || undefined}
                data-testid="reception-channel"
                maw={320}
              />
              <Checkbox
                label={t('reception.onlinePayment')}
                checked={values.onlinePayment}
                onChange={(event) => set('onlinePayment', event.currentTarget.checked)}
              />
              <Checkbox
                label={t('reception.digitisedDossier')}
                checked={values.digitisedDossier}
                onChange={(event) => set('digitisedDossier', event.currentTarget.checked)}
              />
              {RECEPTION_INDICATOR_FLAGS.map((flag) => (
                <Checkbox
                  key={flag}
                  label={t(`reception.${flag}`)}
                  checked={values[flag]}
                  disabled={flag === 'certifiedCopyElectronic' && !values.certifiedCopyRequested}
                  onChange={(event) => set(flag, event.currentTarget.checked)}
                  data-testid={`reception-${flag}`}
                />
              ))}
            </Stack>
          </Paper>

          <Group justify="flex-end">
            <Button component={Link} to="/dossiers" variant="default">
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={sending} data-testid="reception-submit">
              {t('reception.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** Searches the catalogue on the server (diacritics ignored) and keeps the chosen procedure among the options. */
function ProcedurePicker({
  unitId,
  value,
  onChange,
  error,
}: {
  unitId: string | undefined;
  value: string | undefined;
  onChange: (procedureId: string | undefined) => void;
  error?: string;
}) {
  const { t } = useTranslation('dossiers');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<ComboboxItem | null>(null);
  const [debounced] = useDebouncedValue(search, 300);
  // Once a procedure is chosen the box shows its label: that is not a new search.
  const text = chosen && debounced === chosen.label ? '' : debounced.trim();
  const filter = { ...(unitId ? { unit: unitId } : {}), ...(text ? { text } : {}) };
  const { data, previousData, loading, error: loadError } = useQuery(ReceptionProceduresQuery, { variables: { filter, first: PROCEDURE_PAGE } });
  const found = (data ?? previousData)?.procedures;
  const options = useMemo(() => {
    const list: ComboboxItem[] = (found?.nodes ?? []).map((procedure) => ({
      value: procedure.id,
      label: `${procedure.nationalCode} – ${procedure.name}`,
      disabled: procedure.reviewState === 'ABOLISHED',
    }));
    if (chosen && value === chosen.value && !list.some((option) => option.value === chosen.value)) list.unshift(chosen);
    return list;
  }, [found, chosen, value]);

  return (
    <Select
      label={t('reception.procedure')}
      description={
        found && found.totalCount > found.nodes.length
          ? t('reception.procedureMore', { shown: found.nodes.length, total: found.totalCount })
          : t('reception.procedureHint')
      }
      placeholder={t('reception.procedurePlaceholder')}
      required
      searchable
      clearable
      data={options}
      value={value ?? null}
      onChange={(next, option) => {
        setChosen(next ? option : null);
        onChange(next ?? undefined);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={loading ? t('reception.searching') : t('reception.noProcedure')}
      error={error ?? (loadError ? t('reception.procedureLoadError') : undefined)}
      maxDropdownHeight={360}
      data-testid="reception-procedure"
    />
  );
}

function ReceiptSlip({ dossier, secret, language, onAnother }: { dossier: Received; secret: string | null; language: string; onAnother: () => void }) {
  const { t } = useTranslation(['dossiers', 'common']);
  return (
    <Stack gap="md" maw={760}>
      <Title order={2}>{t('reception.doneTitle')}</Title>
      <Alert color="green" role="status" title={t('reception.doneLead')}>
        <Stack gap={6}>
          <Text>
            {t('columns.receiptCode')}:{' '}
            <Text span fw={700} ff="monospace" data-testid="reception-receipt-code">
              {dossier.receiptCode}
            </Text>
          </Text>
          <Text>
            {t('detail.procedure')}: {dossier.procedure.name}
          </Text>
          <Text>
            {t('columns.dueDate')}:{' '}
            <Text span fw={700} data-testid="reception-due-date">
              {formatDate(dossier.dueDate, language)}
            </Text>{' '}
            ({t('detail.statutoryDays', { count: dossier.procedure.statutoryWorkingDays })})
          </Text>
        </Stack>
      </Alert>
      {secret && (
        <Paper withBorder p="lg" radius="md" bd="3px solid var(--mantine-color-orange-6)" data-testid="lookup-secret-panel">
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('reception.secretTitle')}
            </Title>
            <Code block fz={28} fw={700} ta="center" data-testid="lookup-secret">
              {secret}
            </Code>
            <Text fw={600} c="orange.9">
              {t('reception.secretWarning')}
            </Text>
          </Stack>
        </Paper>
      )}
      <Group>
        <Button onClick={() => window.print()} variant="default">
          {t('reception.print')}
        </Button>
        <Anchor component={Link} to={`/dossiers/${encodeURIComponent(dossier.receiptCode)}`} data-testid="reception-open-dossier">
          {t('reception.openDossier')}
        </Anchor>
        <Button variant="light" onClick={onAnother}>
          {t('reception.another')}
        </Button>
      </Group>
    </Stack>
  );
}
