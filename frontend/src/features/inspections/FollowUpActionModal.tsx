import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { mapUserErrors, type FormErrors, type UserErrorLike } from '../../lib/apollo/userErrors';
import { RESPONSE_KIND, validateFollowUpText, type FollowUpAction } from './followUpActions';
import { RecommendationReopenMutation, RecommendationRespondMutation, RecommendationVerifyMutation, RecommendationWaiveMutation } from './findingOperations';
import { userErrorText } from './userErrorText';

const NO_ERRORS: FormErrors = { fields: {}, form: [], concurrentModification: false };

type Payload = { finding?: unknown; userErrors: readonly UserErrorLike[] } | undefined;

/** The form of one follow-up step: a specific text, checked here and by the server. */
export function FollowUpActionModal({
  action,
  finding,
  onClose,
  onDone,
  onReload,
}: {
  action: FollowUpAction | null;
  finding: { id: string; version: number; number: number };
  onClose: () => void;
  onDone: (action: FollowUpAction) => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation('inspections');
  const client = useApolloClient();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setText('');
    setErrors(NO_ERRORS);
    setFailure(null);
  }, [action]);

  if (!action) return null;
  const describe = (error: UserErrorLike) => userErrorText(error, t, (key) => i18n.exists(key));

  const send = async (): Promise<Payload> => {
    const base = { findingId: finding.id, version: finding.version, text: text.trim() };
    const kind = RESPONSE_KIND[action];
    if (kind) {
      return (await client.mutate({ mutation: RecommendationRespondMutation, variables: { input: { ...base, kind } } })).data?.recommendationRespond;
    }
    switch (action) {
      case 'verify':
        return (await client.mutate({ mutation: RecommendationVerifyMutation, variables: { input: base } })).data?.recommendationVerify;
      case 'reopen':
        return (await client.mutate({ mutation: RecommendationReopenMutation, variables: { input: base } })).data?.recommendationReopen;
      default:
        return (await client.mutate({ mutation: RecommendationWaiveMutation, variables: { input: base } })).data?.recommendationWaive;
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = validateFollowUpText(text);
    if (invalid) {
      setErrors({ ...NO_ERRORS, fields: { text: t(invalid) } });
      return;
    }
    setErrors(NO_ERRORS);
    setFailure(null);
    setBusy(true);
    try {
      const payload = await send();
      if (!payload || payload.userErrors.length > 0) {
        setErrors(mapUserErrors(payload?.userErrors ?? [], ['text'], describe));
      } else {
        onDone(action);
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const danger = action === 'reopen' || action === 'waive';
  return (
    <Modal opened onClose={onClose} title={t(`followUp.actions.${action}.title`, { number: finding.number })} size="lg" data-testid={`modal-followup-${action}`}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t(`followUp.actions.${action}.intro`)}</Text>
          {errors.concurrentModification && (
            <Alert color="orange" role="alert" title={t('concurrent.title')} data-testid="concurrent-modification">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('concurrent.text')}</Text>
                <Button size="xs" variant="outline" color="orange" onClick={onReload} data-testid="followup-reload">
                  {t('concurrent.reload')}
                </Button>
              </Stack>
            </Alert>
          )}
          {errors.form.length > 0 && (
            <Alert color="red" role="alert" title={t('followUp.refused')} data-testid="form-errors">
              {errors.form.map((message) => (
                <Text size="sm" key={message}>
                  {message}
                </Text>
              ))}
            </Alert>
          )}
          {Boolean(failure) && <ErrorMessage error={failure} />}
          <Textarea
            label={t(`followUp.actions.${action}.label`)}
            description={t(`followUp.actions.${action}.help`)}
            required
            autosize
            minRows={4}
            maxRows={12}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              if (errors.fields.text) setErrors((current) => ({ ...current, fields: {} }));
            }}
            error={errors.fields.text || undefined}
            data-testid="followup-text"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={busy} color={danger ? 'red' : undefined} data-testid="followup-submit">
              {t(`followUp.actions.${action}.submit`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
