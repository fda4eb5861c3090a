import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InspectionPlanStatus } from '../../gql/graphql';

const STATUS_COLOURS: Record<InspectionPlanStatus, string> = {
  DRAFT: 'gray',
  APPROVED: 'blue',
  IN_PROGRESS: 'indigo',
  CONCLUDED: 'teal',
  FOLLOW_UP: 'yellow',
  CLOSED: 'green',
};

/** A plan's status in plain words. */
export function PlanStatusBadge({ status }: { status: InspectionPlanStatus }) {
  const { t } = useTranslation('plans');
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" radius="sm" tt="none" data-testid="plan-status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
