import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierStatus } from '../../gql/graphql';

const STATUS_COLOURS: Record<DossierStatus, string> = {
  RECEIVED: 'blue',
  PROCESSING: 'indigo',
  SUPPLEMENT_REQUESTED: 'yellow',
  RESOLVED: 'teal',
  RETURNED: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'gray',
};

/** The status in plain words. */
export function DossierStatusBadge({ status, 'data-testid': testId }: { status: DossierStatus; 'data-testid'?: string }) {
  const { t } = useTranslation('dossiers');
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" radius="sm" tt="none" data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** "Late" (resolved after the due date) and "overdue" (open past it today), when they apply. */
export function DossierFlags({ late, overdue }: { late: boolean; overdue: boolean }) {
  const { t } = useTranslation('dossiers');
  if (!late && !overdue) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {late && (
        <Badge color="orange" variant="filled" radius="sm" tt="none" data-testid="badge-late" title={t('flags.lateHint')}>
          {t('flags.late')}
        </Badge>
      )}
      {overdue && (
        <Badge color="red" variant="filled" radius="sm" tt="none" data-testid="badge-overdue" title={t('flags.overdueHint')}>
          {t('flags.overdue')}
        </Badge>
      )}
    </Group>
  );
}
