import { useLazyQuery } from '@apollo/client/react';
import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import { retryAfterSeconds } from '../../lib/apollo/rateLimit';
import { PublicDossierView } from './PublicDossierView';

export const DossierLookupQuery = graphql(`
  query DossierLookup($receiptCode: String!, $secondFactor: String!) {
    dossierLookup(receiptCode: $receiptCode, secondFactor: $secondFactor) {
      ...PublicDossierFields
    }
  }
`);

/**
 * Public, no login: the lookup form, then the result on the same page. The code and the second
 * factor stay out of the URL (a secret must not land in browser history or server logs).
 */
export default function LookupPage() {
  const { t } = useTranslation('citizen');
  useDocumentTitle(t('lookup.title'));
  const [code, setCode] = useState('');
  const [factor, setFactor] = useState('');
  const [missing, setMissing] = useState<{ code?: string; factor?: string }>({});
  const [asked, setAsked] = useState<{ code: string; factor: string } | null>(null);
  const [lookup, { data, loading, error }] = useLazyQuery(DossierLookupQuery, { fetchPolicy: 'network-only' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next = {
      code: code.trim() ? undefined : t('lookup.required', { field: t('lookup.receiptCode').toLowerCase() }),
      factor: factor.trim() ? undefined : t('lookup.required', { field: t('lookup.secondFactor').toLowerCase() }),
    };
    setMissing(next);
    if (next.code || next.factor) return;
    setAsked({ code: code.trim(), factor: factor.trim() });
    await lookup({ variables: { receiptCode: code.trim(), secondFactor: factor.trim() } }).catch(() => undefined);
  }

  const found = asked && !loading && !error ? data?.dossierLookup : undefined;
  const seconds = retryAfterSeconds(error);
  // Screen-reader and keyboard users land on the result, not on the top of an unchanged page.
  const resultHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (found) resultHeading.current?.focus();
  }, [found]);

  if (found && asked) {
    return (
      <Stack gap="md" maw={720}>
        <Title order={2} ref={resultHeading} tabIndex={-1}>
          {t('lookup.title')}
        </Title>
        <PublicDossierView dossier={found} secondFactor={asked.factor} />
        <Button
          variant="default"
          w="fit-content"
          onClick={() => {
            setAsked(null);
            setFactor('');
          }}
        >
          {t('lookup.again')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={560}>
      <Title order={2}>{t('lookup.title')}</Title>
      <Text>{t('lookup.lead')}</Text>
      <Paper withBorder p="md" component="form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('lookup.title')}>
        <Stack gap="sm">
          <TextInput
            label={t('lookup.receiptCode')}
            description={t('lookup.receiptCodeHint')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={missing.code}
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            size="md"
            name="receiptCode"
          />
          <TextInput
            label={t('lookup.secondFactor')}
            description={t('lookup.secondFactorHint')}
            value={factor}
            onChange={(event) => setFactor(event.currentTarget.value)}
            error={missing.factor}
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            size="md"
            name="secondFactor"
          />
          <Button type="submit" size="md" loading={loading}>
            {t('lookup.submit')}
          </Button>
        </Stack>
      </Paper>
      <div aria-live="polite">
        {asked && !loading && !error && data && data.dossierLookup == null && (
          <Alert color="red" variant="light" role="alert" data-testid="lookup-no-match">
            {t('lookup.noMatch')}
          </Alert>
        )}
        {seconds !== undefined && (
          <Alert color="orange" variant="light" role="alert" data-testid="lookup-rate-limited">
            {t('lookup.rateLimited', { seconds })}
          </Alert>
        )}
        {error && seconds === undefined && <ErrorMessage error={error} />}
      </div>
      <Text size="sm" c="dimmed">
        {t('lookup.privacy')}
      </Text>
    </Stack>
  );
}
