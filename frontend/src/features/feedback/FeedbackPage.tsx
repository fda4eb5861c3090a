import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Code, Group, Paper, Radio, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import type { FeedbackKind, FeedbackSubmitMutation as Submitted } from '../../gql/graphql';
import { retryAfterSeconds } from '../../lib/apollo/rateLimit';
import { mapUserErrors, type FormErrors } from '../../lib/apollo/userErrors';
import { useAuth } from '../../lib/auth/AuthContext';
import { formatDate } from '../../lib/format';

export const FeedbackUnitsQuery = graphql(`
  query FeedbackUnits {
    feedbackUnits {
      id
      code
      name
    }
  }
`);

export const FeedbackProceduresQuery = graphql(`
  query FeedbackProcedures($text: String, $first: Int) {
    feedbackProcedures(text: $text, first: $first) {
      id
      nationalCode
      name
      unitName
    }
  }
`);

export const FeedbackSubmitMutation = graphql(`
  mutation FeedbackSubmit($input: FeedbackSubmitInput!) {
    feedbackSubmit(input: $input) {
      secret
      userErrors {
        field
        code
        message
      }
      feedback {
        code
        unitName
        answerDueDate
      }
    }
  }
`);

type About = 'procedure' | 'unit' | 'dossier';
const FIELDS = ['procedureId', 'unitId', 'dossierReceiptCode', 'dossierSecondFactor', 'message', 'senderName', 'senderEmail', 'senderPhone'];

/** Public, no login needed: feedback or a recommendation about a procedure, a unit or the sender's dossier. */
export default function FeedbackPage() {
  const { t, i18n } = useTranslation('feedback');
  useDocumentTitle(t('send.title'));
  const { user } = useAuth();
  const [params] = useSearchParams();
  const [kind, setKind] = useState<FeedbackKind>('FEEDBACK');
  const [about, setAbout] = useState<About>(params.get('dossier') ? 'dossier' : 'procedure');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [procedureId, setProcedureId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [dossierCode, setDossierCode] = useState(params.get('dossier') ?? '');
  const [dossierFactor, setDossierFactor] = useState('');
  const [message, setMessage] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: [], concurrentModification: false });
  const [sent, setSent] = useState<Submitted['feedbackSubmit'] | null>(null);

  const units = useQuery(FeedbackUnitsQuery, { skip: about !== 'unit' });
  const procedures = useQuery(FeedbackProceduresQuery, {
    variables: { text: debounced.trim() || null, first: 20 },
    skip: about !== 'procedure',
  });
  const [submit, { loading, error }] = useMutation(FeedbackSubmitMutation);

  if (sent?.feedback) {
    const { code, answerDueDate } = sent.feedback;
    return (
      <Stack gap="md" maw={560}>
        <Title order={2}>{t('send.sentTitle')}</Title>
        <Alert color="green" variant="light" role="status">
          {t('send.sentLead')}
        </Alert>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text>
              {t('send.code')}: <Code data-testid="feedback-code">{code}</Code>
            </Text>
            <Text>
              {t('send.secret')}: <Code data-testid="feedback-secret">{sent.secret}</Code>
            </Text>
            <Text>{t('send.due', { date: formatDate(answerDueDate, i18n.language) })}</Text>
          </Stack>
        </Paper>
        <Group>
          <Anchor component={Link} to={`/feedback/${encodeURIComponent(code)}`}>
            {t('send.follow')}
          </Anchor>
          <Button variant="default" onClick={() => window.location.assign('/feedback')}>
            {t('send.another')}
          </Button>
        </Group>
      </Stack>
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const blank = (value: string) => (value.trim() ? value.trim() : null);
    try {
      const result = await submit({
        variables: {
          input: {
            kind,
            procedureId: about === 'procedure' ? procedureId : null,
            unitId: about === 'unit' ? unitId : null,
            dossierReceiptCode: about === 'dossier' ? blank(dossierCode) : null,
            dossierSecondFactor: about === 'dossier' ? blank(dossierFactor) : null,
            message,
            senderName: blank(name),
            senderEmail: blank(email),
            senderPhone: blank(phone),
          },
        },
      });
      const payload = result.data?.feedbackSubmit;
      const userErrors = payload?.userErrors ?? [];
      setErrors(mapUserErrors(userErrors, FIELDS));
      if (payload?.feedback) setSent(payload);
    } catch {
      // shown below from `error`
    }
  }

  const seconds = retryAfterSeconds(error);
  const aboutError = errors.fields.procedureId ?? errors.fields.unitId;

  return (
    <Stack gap="md" maw={640}>
      <Title order={2}>{t('send.title')}</Title>
      <Text>{t('send.lead')}</Text>
      <Paper withBorder p="md" component="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('send.title')}>
        <Stack gap="sm">
          <Radio.Group label={t('send.kind')} value={kind} onChange={(value) => setKind(value as FeedbackKind)}>
            <Group mt={4}>
              <Radio value="FEEDBACK" label={t('kind.FEEDBACK')} />
              <Radio value="RECOMMENDATION" label={t('kind.RECOMMENDATION')} />
            </Group>
          </Radio.Group>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="feedback-about">
              {t('send.about')}
            </Text>
            <SegmentedControl
              aria-labelledby="feedback-about"
              value={about}
              onChange={(value) => setAbout(value as About)}
              data={[
                { value: 'procedure', label: t('send.aboutProcedure') },
                { value: 'unit', label: t('send.aboutUnit') },
                { value: 'dossier', label: t('send.aboutDossier') },
              ]}
              fullWidth
            />
          </Stack>
          {about === 'procedure' && (
            <Select
              label={t('send.procedure')}
              placeholder={t('send.procedurePlaceholder')}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options }) => options}
              nothingFoundMessage={procedures.loading ? undefined : t('send.procedureNone')}
              data={(procedures.data?.feedbackProcedures ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.nationalCode}) — ${p.unitName}` }))}
              value={procedureId}
              onChange={setProcedureId}
              error={aboutError}
              required
            />
          )}
          {about === 'unit' && (
            <Select
              label={t('send.unit')}
              placeholder={t('send.unitPlaceholder')}
              searchable
              data={(units.data?.feedbackUnits ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={unitId}
              onChange={setUnitId}
              error={aboutError}
              required
            />
          )}
          {about === 'dossier' && (
            <>
              <TextInput
                label={t('send.dossierCode')}
                value={dossierCode}
                onChange={(event) => setDossierCode(event.currentTarget.value)}
                error={errors.fields.dossierReceiptCode ?? aboutError}
                required
                autoComplete="off"
                spellCheck={false}
              />
              <TextInput
                label={t('send.dossierFactor')}
                description={user ? t('send.dossierFactorLoggedIn') : undefined}
                value={dossierFactor}
                onChange={(event) => setDossierFactor(event.currentTarget.value)}
                error={errors.fields.dossierSecondFactor}
                required={!user}
                autoComplete="off"
                spellCheck={false}
              />
            </>
          )}
          <Textarea
            label={t('send.message')}
            description={t('send.messageHint')}
            value={message}
            onChange={(event) => setMessage(event.currentTarget.value)}
            error={errors.fields.message}
            required
            autosize
            minRows={4}
            maxLength={4000}
          />
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" size="sm" fw={600}>
              {t('send.sender')}
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {t('send.senderHint')}
            </Text>
            <Stack gap="xs">
              <TextInput label={t('send.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fields.senderName} required={!user} autoComplete="name" />
              <TextInput label={t('send.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.fields.senderEmail} autoComplete="email" />
              <TextInput label={t('send.phone')} type="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={errors.fields.senderPhone} autoComplete="tel" />
            </Stack>
          </fieldset>
          {errors.form.length > 0 && (
            <Alert color="red" variant="light" role="alert">
              {errors.form.join(' ')}
            </Alert>
          )}
          {seconds !== undefined && (
            <Alert color="orange" variant="light" role="alert">
              {t('send.rateLimited', { seconds })}
            </Alert>
          )}
          {error && seconds === undefined && <ErrorMessage error={error} />}
          <Button type="submit" size="md" loading={loading}>
            {t('send.submit')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
