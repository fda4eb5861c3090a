import { useMutation } from '@apollo/client/react';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FactsTable } from '../../components/FactsTable';
import { graphql } from '../../gql/gql';
import { fieldName, mapUserErrors, type FormErrors, type UserErrorLike } from '../../lib/apollo/userErrors';
import { useAuth } from '../../lib/auth/AuthContext';
import { formatDate, todayInVietnam } from '../../lib/format';
import {
  DATE_FACTS,
  FACT_INDICATOR,
  FLAG_FACTS,
  factsChanged,
  factsFormValues,
  factsUpdateInput,
  validateFacts,
  type FactName,
  type FactsFormValues,
  type ProcedureFacts,
} from './procedureFactsForm';

export const ProcedureFactsUpdateMutation = graphql(`
  mutation ProcedureFactsUpdate($input: ProcedureUpdateInput!) {
    procedureUpdate(input: $input) {
      procedure {
        id
        version
        effectiveOn
        announcedOn
        publishedOn
        fullContentPublished
        onlinePaymentEnabled
        portalPaymentConfigured
        populationDbConnected
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/** The procedure as the section needs it. */
export interface FactsProcedure extends ProcedureFacts {
  id: string;
  version: number;
  published: boolean;
  fee: number;
}

const FIELDS: readonly FactName[] = [...DATE_FACTS, ...FLAG_FACTS];
const EMPTY_ERRORS: FormErrors = { fields: {}, form: [], concurrentModification: false };

/**
 * The Decision 766 facts of a procedure (announcement, publication, payment and population-database
 * set-up), each with the indicator it feeds; administrators change them in a form.
 */
export function ProcedureFactsSection({ procedure, onReload }: { procedure: FactsProcedure; onReload: () => void }) {
  const { t, i18n } = useTranslation(['procedures', 'common']);
  const { user } = useAuth();
  const isAdmin = user?.roles.includes('admin') ?? false;
  const [editing, setEditing] = useState(false);
  const lng = i18n.language;
  const yesNo = (value: boolean) => (value ? t('common:yes') : t('common:no'));
  const facts: [string, string][] = [
    ...DATE_FACTS.map((name): [string, string] => [t(`facts.fields.${name}`), procedure[name] ? formatDate(procedure[name], lng) : '—']),
    ...FLAG_FACTS.map((name): [string, string] => [t(`facts.fields.${name}`), yesNo(procedure[name])]),
  ];
  return (
    <Stack gap="xs" data-testid="procedure-facts">
      <Group justify="space-between">
        <Title order={4} size="h5">
          {t('facts.title')}
        </Title>
        {isAdmin && (
          <Button size="xs" variant="light" onClick={() => setEditing(true)} data-testid="procedure-facts-edit">
            {t('facts.edit')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('facts.intro')}
      </Text>
      <FactsTable facts={facts} />
      {editing && <ProcedureFactsForm procedure={procedure} onClose={() => setEditing(false)} onReload={onReload} />}
    </Stack>
  );
}

function ProcedureFactsForm({ procedure, onClose, onReload }: { procedure: FactsProcedure; onClose: () => void; onReload: () => void }) {
  const { t, i18n } = useTranslation(['procedures', 'common']);
  const stored = factsFormValues(procedure);
  const [values, setValues] = useState<FactsFormValues>(stored);
  const [errors, setErrors] = useState<FormErrors>(EMPTY_ERRORS);
  const [update, { loading, error }] = useMutation(ProcedureFactsUpdateMutation);

  const describe = (e: UserErrorLike) => {
    const field = fieldName(e.field);
    const key = `procedures:facts.userErrors.${field}.${e.code}`;
    return field && i18n.exists(key) ? t(key) : e.message;
  };

  const set = <K extends FactName>(name: K, value: FactsFormValues[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    if (errors.fields[name]) setErrors((current) => ({ ...current, fields: { ...current.fields, [name]: '' } }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = validateFacts(values, stored, { published: procedure.published, fee: procedure.fee, today: todayInVietnam() });
    if (Object.keys(invalid).length > 0) {
      setErrors({ fields: Object.fromEntries(Object.entries(invalid).map(([name, key]) => [name, t(key)])), form: [], concurrentModification: false });
      return;
    }
    if (!factsChanged(values, stored)) {
      onClose();
      return;
    }
    setErrors(EMPTY_ERRORS);
    const { data } = await update({ variables: { input: factsUpdateInput(procedure.id, procedure.version, values, stored) } });
    const userErrors = data?.procedureUpdate.userErrors ?? [];
    if (userErrors.length > 0) {
      setErrors(mapUserErrors(userErrors, FIELDS, describe));
    } else if (data?.procedureUpdate.procedure) {
      onClose();
    }
  };

  const hint = (name: FactName) =>
    `${t(`facts.hints.${name}`)} ${t('facts.feeds', { indicator: t(`facts.indicator.${FACT_INDICATOR[name]}`) })}`;

  return (
    <Modal opened onClose={onClose} title={t('facts.formTitle')} size="lg" data-testid="procedure-facts-form">
      <form onSubmit={(event) => void submit(event).catch(() => undefined)} noValidate>
        <Stack gap="sm">
          {errors.concurrentModification && (
            <Alert color="orange" role="alert" title={t('facts.concurrentTitle')} data-testid="procedure-facts-concurrent">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('facts.concurrent')}</Text>
                <Button
                  size="xs"
                  variant="outline"
                  color="orange"
                  onClick={() => {
                    onClose();
                    onReload();
                  }}
                >
                  {t('facts.reload')}
                </Button>
              </Stack>
            </Alert>
          )}
          {errors.form.length > 0 && (
            <Alert color="red" role="alert" title={t('facts.refused')}>
              {errors.form.map((message) => (
                <Text size="sm" key={message}>
                  {message}
                </Text>
              ))}
            </Alert>
          )}
          {error && <ErrorMessage error={error} />}
          {DATE_FACTS.map((name) => (
            <TextInput
              key={name}
              type="date"
              label={t(`facts.fields.${name}`)}
              description={hint(name)}
              value={values[name]}
              onChange={(event) => set(name, event.currentTarget.value)}
              error={errors.fields[name] || undefined}
              data-testid={`facts-${name}`}
            />
          ))}
          {FLAG_FACTS.map((name) => (
            <Checkbox
              key={name}
              label={t(`facts.fields.${name}`)}
              description={hint(name)}
              checked={values[name]}
              onChange={(event) => set(name, event.currentTarget.checked)}
              error={errors.fields[name] || undefined}
              data-testid={`facts-${name}`}
            />
          ))}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={loading}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={loading} data-testid="procedure-facts-submit">
              {t('facts.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
