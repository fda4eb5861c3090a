import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FindingSeverity, RecommendationStatus, SelfReportStatus } from '../../gql/graphql';

const REPORT_COLOURS: Record<SelfReportStatus, string> = { DRAFT: 'gray', SUBMITTED: 'blue', RETURNED: 'orange', ACCEPTED: 'green' };

const RECOMMENDATION_COLOURS: Record<RecommendationStatus, string> = {
  OPEN: 'gray',
  IN_REMEDIATION: 'blue',
  REPORTED_DONE: 'indigo',
  VERIFIED: 'green',
  WAIVED: 'teal',
};

const SEVERITY_COLOURS: Record<FindingSeverity, string> = { MINOR: 'yellow', MODERATE: 'orange', SERIOUS: 'red' };

export function SelfReportStatusBadge({ status, 'data-testid': testId = 'report-status' }: { status: SelfReportStatus; 'data-testid'?: string }) {
  const { t } = useTranslation('inspections');
  return (
    <Badge color={REPORT_COLOURS[status]} variant="light" radius="sm" tt="none" data-testid={testId} data-status={status}>
      {t(`reportStatus.${status}`)}
    </Badge>
  );
}

export function RecommendationStatusBadge({ status, 'data-testid': testId = 'recommendation-status' }: { status: RecommendationStatus; 'data-testid'?: string }) {
  const { t } = useTranslation('inspections');
  return (
    <Badge color={RECOMMENDATION_COLOURS[status]} variant="light" radius="sm" tt="none" data-testid={testId} data-status={status}>
      {t(`recommendationStatus.${status}`)}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: FindingSeverity }) {
  const { t } = useTranslation('inspections');
  return (
    <Badge color={SEVERITY_COLOURS[severity]} variant="outline" radius="sm" tt="none" data-testid="finding-severity" data-severity={severity}>
      {t(`severity.${severity}`)}
    </Badge>
  );
}

/** Red: past the deadline and still to do. */
export function OverdueBadge({ label, hint, 'data-testid': testId = 'badge-overdue' }: { label: string; hint?: string; 'data-testid'?: string }) {
  return (
    <Badge color="red" variant="filled" radius="sm" tt="none" data-testid={testId} title={hint}>
      {label}
    </Badge>
  );
}
