import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../app/AppRoutes';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders } from '../../test/render';
import { InspectionInboxQuery } from './InspectionInboxPage';
import { headSyt, inboxRecommendation, inboxReport, lead } from './testFixtures';

const inboxMock = (selfReports: unknown[], recommendations: unknown[]) => ({
  request: { query: InspectionInboxQuery },
  result: { data: { inspectionInbox: { __typename: 'InspectionInbox', selfReports, recommendations } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

describe('InspectionInboxPage', () => {
  it('lists overdue recommendations first, flagged in red, each linking to its finding', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/inspections',
      auth: staticAuth(headSyt),
      mocks: [
        inboxMock(
          [],
          [
            inboxRecommendation({ id: 'RmluZGluZzoy', number: 2, category: 'MISSING_APOLOGY', remediationDeadline: '2099-01-31' }),
            inboxRecommendation({ id: 'RmluZGluZzox', number: 1, overdue: true, remediationDeadline: '2025-10-31', recommendationStatus: 'IN_REMEDIATION' }),
          ],
        ),
      ],
    });

    expect(await screen.findByRole('heading', { name: 'Thanh tra', level: 2 })).toBeInTheDocument();
    const rows = await screen.findAllByTestId('inbox-recommendation');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveAttribute('data-overdue', 'true');
    expect(within(rows[0]!).getByTestId('badge-overdue')).toHaveTextContent('Quá hạn');
    expect(within(rows[0]!).getByTestId('inbox-recommendation-deadline')).toHaveTextContent('Hạn khắc phục 31/10/2025');
    expect(within(rows[0]!).getByTestId('recommendation-status')).toHaveTextContent('Đang khắc phục');
    expect(within(rows[0]!).getByTestId('inbox-recommendation-link')).toHaveAttribute('href', '/findings/RmluZGluZzox');
    expect(within(rows[0]!).getByTestId('inbox-recommendation-link')).toHaveTextContent('Phát hiện số 1 của kế hoạch 2960/KH-TTCP · Giải quyết hồ sơ quá hạn');

    expect(rows[1]).toHaveAttribute('data-overdue', 'false');
    expect(within(rows[1]!).queryByTestId('badge-overdue')).not.toBeInTheDocument();
    expect(within(rows[1]!).getByTestId('inbox-recommendation-link')).toHaveTextContent('Không có văn bản xin lỗi khi quá hạn');
    expect(screen.getByTestId('inbox-reports-empty')).toHaveTextContent('Không có báo cáo tự kiểm tra nào');
  });

  it('shows reports to write with due date, status, past-due and late badges and the team’s reason for returning one', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/inspections',
      auth: staticAuth(headSyt),
      mocks: [
        inboxMock(
          [
            inboxReport({ number: '11/KH-TTT', status: 'SUBMITTED', submittedLate: true, submittedAt: '2025-03-21T03:00:00Z', due: '2025-03-20' }),
            inboxReport({ number: '12/KH-TTT', status: 'DRAFT', due: '2025-01-15' }),
            inboxReport({ number: '13/KH-TTT', status: 'RETURNED', due: '2099-12-31', returnReason: 'Thiếu số liệu rà soát văn bản.' }),
          ],
          [],
        ),
      ],
    });

    const rows = await screen.findAllByTestId('inbox-report');
    expect(rows.map((row) => row.getAttribute('data-status'))).toEqual(['RETURNED', 'DRAFT', 'SUBMITTED']);

    expect(within(rows[0]!).getByTestId('inbox-return-reason')).toHaveTextContent('Thiếu số liệu rà soát văn bản.');
    expect(within(rows[0]!).getByTestId('report-status')).toHaveTextContent('Bị trả lại để bổ sung');
    expect(within(rows[0]!).getByTestId('inbox-report-link')).toHaveAttribute('href', '/inspections/reports/report-13%2FKH-TTT');

    expect(within(rows[1]!).getByTestId('badge-report-overdue')).toHaveTextContent('Quá hạn');
    expect(within(rows[1]!).getByTestId('inbox-report-due')).toHaveTextContent('Hạn nộp 15/01/2025');

    expect(within(rows[2]!).getByTestId('badge-submitted-late')).toHaveTextContent('Nộp muộn');
    expect(within(rows[2]!).queryByTestId('badge-report-overdue')).not.toBeInTheDocument();
    expect(screen.getByTestId('inbox-recommendations-empty')).toBeInTheDocument();
  });

  it('speaks English when asked', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/inspections',
      auth: staticAuth(headSyt),
      lng: 'en',
      mocks: [inboxMock([inboxReport({ due: '2099-12-31' })], [inboxRecommendation({ overdue: true, remediationDeadline: '2025-10-31' })])],
    });
    expect(await screen.findByText('Self-inspection report for plan 2960/KH-TTCP')).toBeInTheDocument();
    expect(screen.getByTestId('inbox-recommendation-deadline')).toHaveTextContent('Remediation deadline 31 Oct 2025');
    expect(screen.getByTestId('badge-overdue')).toHaveTextContent('Overdue');
  });

  it('is a unit head’s page: an inspector is told they may not use it', async () => {
    renderWithProviders(<AppRoutes />, { route: '/inspections', auth: staticAuth(lead), mocks: [inboxMock([], [])] });
    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn không có quyền');
    expect(screen.queryByTestId('inbox-report')).not.toBeInTheDocument();
  });
});
