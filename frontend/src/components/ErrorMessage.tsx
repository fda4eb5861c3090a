import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/apollo/errors';

/** An error in words a clerk understands, the server's error code when it gave one, and a retry button. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('common');
  const { message, detail } = errorMessage(error, t);
  return (
    <Alert role="alert" color="red" variant="light" title={t('errors.title')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        {detail && (
          <Text size="sm" data-testid="error-id">
            {detail}
          </Text>
        )}
        {onRetry && (
          <Button size="xs" variant="outline" color="red" onClick={onRetry}>
            {t('retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
