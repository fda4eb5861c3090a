import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Card, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { SelfReportFieldsFragment } from '../../gql/graphql';
import { formatDate, todayInVietnam } from '../../lib/format';
import { mapUserErrors, type FormErrors, type UserErrorLike } from '../../lib/apollo/userErrors';
import { DIFFICULTY_CATEGORIES } from './inspectionVocabulary';
import { ProcedurePicker } from './ProcedurePicker';
import { SelfReportSaveMutation, SelfReportSubmitMutation } from './selfReportOperations';
import { formFromReport, LEGAL_DOCUMENT_FIELDS, rowKey, saveInput, shownFields, validateReport, type ReportForm } from './selfReportForm';
import { userErrorText } from './userErrorText';

const NO_ERRORS: FormErrors = { fields: {}, form: [], concurrentModification: false };

/**
 * The unit head's form for a DRAFT or RETURNED report. Saving keeps a draft; submitting saves first,
 * then hands the report to the team. Re-mount it (key on the version) after the report changed.
 */

/** `rows` with the row of `key` changed by `patch`. */
function patchRow<T extends { key: number }>(rows: readonly T[], key: number, patch: Partial<T>): T[] {
  return rows.map((row) => (row.key === key ? { ...row, ...patch } : row));
}

/** `rows` without the row of `key`. */
function withoutRow<T extends { key: number }>(rows: readonly T[], key: number): T[] {
  return rows.filter((row) => row.key !== key);
}

export function SelfReportEditor({
  report,
  onSaved,
  onSubmitted,
  onReload,
}: {
  report: SelfReportFieldsFragment;
  onSaved: () => void;
  onSubmitted: () => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation('inspections');
  const client = useApolloClient();
  const [form, setForm] = useState<ReportForm>(() => formFromReport(report));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [confirming, setConfirming] = useState(false);

  const today = todayInVietnam();
  const due = report.plan.selfReportDue;
  const pastDue = Boolean(due && due < today);
  const describe = (error: UserErrorLike) => userErrorText(error, t, (key) => i18n.exists(key));

  const update = (change: (current: ReportForm) => ReportForm, ...clear: string[]) => {
    setForm(change);
    if (clear.some((name) => errors.fields[name])) {
      setErrors((current) => ({ ...current, fields: Object.fromEntries(Object.entries(current.fields).filter(([name]) => !clear.includes(name))) }));
    }
  };

  /** Client checks; true when the form may be sent. */
  const check = () => {
    const invalid = validateReport(form);
    if (Object.keys(invalid).length === 0) return true;
    setErrors({ fields: Object.fromEntries(Object.entries(invalid).map(([name, key]) => [name, t(key)])), form: [t('report.validation.fix')], concurrentModification: false });
    return false;
  };

  /** Saves the form; the saved report's version, or null when refused (errors shown). */
  const save = async (): Promise<number | null> => {
    const { data } = await client.mutate({ mutation: SelfReportSaveMutation, variables: { input: saveInput(form, report) } });
    const payload = data?.selfInspectionReportSave;
    if (!payload || payload.userErrors.length > 0 || !payload.report) {
      setErrors(mapUserErrors(payload?.userErrors ?? [], shownFields(form), describe));
      return null;
    }
    return payload.report.version;
  };

  const run = async (kind: 'save' | 'submit') => {
    setErrors(NO_ERRORS);
    setFailure(null);
    setBusy(kind);
    try {
      const version = await save();
      if (version === null) return;
      if (kind === 'save') {
        onSaved();
        return;
      }
      const { data } = await client.mutate({ mutation: SelfReportSubmitMutation, variables: { input: { reportId: report.id, version } } });
      const payload = data?.selfInspectionReportSubmit;
      if (!payload || payload.userErrors.length > 0) {
        setErrors(mapUserErrors(payload?.userErrors ?? [], [], describe));
        return;
      }
      onSubmitted();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
      setConfirming(false);
    }
  };

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    if (check()) void run('save');
  };

  const fieldError = (name: string) => errors.fields[name] || undefined;

  return (
    <form onSubmit={onSave} noValidate data-testid="report-form">
      <Stack gap="md">
        {errors.concurrentModification && (
          <Alert color="orange" role="alert" title={t('concurrent.title')} data-testid="concurrent-modification">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('concurrent.text')}</Text>
              <Button size="xs" variant="outline" color="orange" onClick={onReload} data-testid="report-reload">
                {t('concurrent.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        {errors.form.length > 0 && (
          <Alert color="red" role="alert" title={t('report.refused')} data-testid="form-errors">
            {errors.form.map((message) => (
              <Text size="sm" key={message}>
                {message}
              </Text>
            ))}
          </Alert>
        )}
        {Boolean(failure) && <ErrorMessage error={failure} />}

        <Card withBorder>
          <Title order={3} size="h4">
            {t('report.difficulties')}
          </Title>
          <Text fz="sm" c="dimmed" mb="sm">
            {t('report.difficultiesHelp')}
          </Text>
          <Stack gap="sm">
            {form.difficulties.length === 0 && (
              <Text c="dimmed" fz="sm">
                {t('report.noDifficulties')}
              </Text>
            )}
            {form.difficulties.map((row, index) => (
              <Card key={row.key} withBorder padding="sm" data-testid="difficulty-row">
                <Stack gap="xs">
                  <Select
                    label={t('report.category')}
                    required
                    placeholder={t('report.choose')}
                    data={DIFFICULTY_CATEGORIES.map((category) => ({ value: category, label: t(`difficultyCategory.${category}`) }))}
                    value={row.category}
                    onChange={(value) =>
                      update(
                        (current) => ({
                          ...current,
                          difficulties: patchRow(current.difficulties, row.key, { category: DIFFICULTY_CATEGORIES.find((c) => c === value) ?? null }),
                        }),
                        `difficulties.${index}.category`,
                      )
                    }
                    error={fieldError(`difficulties.${index}.category`)}
                    data-testid="difficulty-category"
                  />
                  <Textarea
                    label={t('report.description')}
                    required
                    autosize
                    minRows={2}
                    maxRows={8}
                    value={row.description}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      update(
                        (current) => ({ ...current, difficulties: patchRow(current.difficulties, row.key, { description: value }) }),
                        `difficulties.${index}.description`,
                      );
                    }}
                    error={fieldError(`difficulties.${index}.description`)}
                    data-testid="difficulty-description"
                  />
                  <Group justify="flex-end">
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() => update((current) => ({ ...current, difficulties: withoutRow(current.difficulties, row.key) }))}
                      data-testid="difficulty-remove"
                    >
                      {t('report.remove')}
                    </Button>
                  </Group>
                </Stack>
              </Card>
            ))}
            <Group>
              <Button
                variant="light"
                onClick={() => update((current) => ({ ...current, difficulties: [...current.difficulties, { key: rowKey(), category: null, description: '' }] }))}
                data-testid="difficulty-add"
              >
                {t('report.addDifficulty')}
              </Button>
            </Group>
          </Stack>
        </Card>

        <Card withBorder>
          <Title order={3} size="h4">
            {t('report.legalDocuments')}
          </Title>
          <Text fz="sm" c="dimmed" mb="sm">
            {t('report.legalDocumentsHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
            {LEGAL_DOCUMENT_FIELDS.map((name) => (
              <NumberInput
                key={name}
                label={t(`legalDocuments.${name}`)}
                required
                min={0}
                allowDecimal={false}
                allowNegative={false}
                value={form.legalDocuments[name]}
                onChange={(value) =>
                  update(
                    (current) => ({ ...current, legalDocuments: { ...current.legalDocuments, [name]: typeof value === 'number' ? value : value === '' ? '' : Number(value) } }),
                    `legalDocuments.${name}`,
                  )
                }
                error={fieldError(`legalDocuments.${name}`)}
                data-testid={`legal-${name}`}
              />
            ))}
          </SimpleGrid>
        </Card>

        <Card withBorder>
          <Title order={3} size="h4">
            {t('report.simplification')}
          </Title>
          <Text fz="sm" c="dimmed" mb="sm">
            {t('report.simplificationHelp')}
          </Text>
          <Stack gap="sm">
            {form.simplificationProposals.length === 0 && (
              <Text c="dimmed" fz="sm">
                {t('report.noSimplification')}
              </Text>
            )}
            {form.simplificationProposals.map((row, index) => (
              <Card key={row.key} withBorder padding="sm" data-testid="simplification-row">
                <Stack gap="xs">
                  <ProcedurePicker
                    unitId={report.unit.id}
                    value={row.procedure}
                    onChange={(procedure) =>
                      update(
                        (current) => ({
                          ...current,
                          simplificationProposals: patchRow(current.simplificationProposals, row.key, { procedure }),
                        }),
                        `simplificationProposals.${index}.procedureId`,
                      )
                    }
                    error={fieldError(`simplificationProposals.${index}.procedureId`)}
                    data-testid="simplification-procedure"
                  />
                  <Textarea
                    label={t('report.proposalChange')}
                    required
                    autosize
                    minRows={2}
                    maxRows={8}
                    value={row.proposal}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      update(
                        (current) => ({
                          ...current,
                          simplificationProposals: patchRow(current.simplificationProposals, row.key, { proposal: value }),
                        }),
                        `simplificationProposals.${index}.proposal`,
                      );
                    }}
                    error={fieldError(`simplificationProposals.${index}.proposal`)}
                    data-testid="simplification-proposal"
                  />
                  <Group justify="flex-end">
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() => update((current) => ({ ...current, simplificationProposals: withoutRow(current.simplificationProposals, row.key) }))}
                      data-testid="simplification-remove"
                    >
                      {t('report.remove')}
                    </Button>
                  </Group>
                </Stack>
              </Card>
            ))}
            <Group>
              <Button
                variant="light"
                onClick={() => update((current) => ({ ...current, simplificationProposals: [...current.simplificationProposals, { key: rowKey(), procedure: null, proposal: '' }] }))}
                data-testid="simplification-add"
              >
                {t('report.addSimplification')}
              </Button>
            </Group>
          </Stack>
        </Card>

        <Card withBorder>
          <Textarea
            label={t('report.proposals')}
            description={t('report.proposalsHelp')}
            autosize
            minRows={3}
            maxRows={12}
            value={form.proposals}
            onChange={(event) => {
              const value = event.currentTarget.value;
              update((current) => ({ ...current, proposals: value }), 'proposals');
            }}
            error={fieldError('proposals')}
            data-testid="report-proposals"
          />
        </Card>

        <Group justify="flex-end" gap="sm">
          <Button type="submit" variant="default" loading={busy === 'save'} disabled={busy !== null} data-testid="report-save">
            {t('report.save')}
          </Button>
          <Button onClick={() => check() && setConfirming(true)} disabled={busy !== null} data-testid="report-submit">
            {t('report.submit')}
          </Button>
        </Group>
      </Stack>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('report.submitTitle')} data-testid="modal-report-submit">
        <Stack gap="sm">
          <Text size="sm">{t('report.submitIntro', { number: report.plan.number })}</Text>
          {pastDue && due && (
            <Alert color="orange" role="alert" title={t('report.lateWarningTitle')} data-testid="report-late-warning">
              {t('report.lateWarning', { date: formatDate(due, i18n.language) })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={busy !== null}>
              {t('common:cancel')}
            </Button>
            <Button onClick={() => void run('submit')} loading={busy === 'submit'} data-testid="report-submit-confirm">
              {t('report.submitConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
