import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../app/AppRoutes';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders } from '../../test/render';
import { PlanDetailQuery } from './PlanDetailPage';
import { PlanSelfReportsQuery, PlanSelfReportsTab } from './PlanSelfReportsTab';
import { CON_CUONG, member, PLAN_NUMBER, planDetail, QUY_HOP } from './testFixtures';

const TAN_KY = { __typename: 'Unit' as const, id: 'VW5pdDoz', code: 'NA-TANKY', name: 'Ủy ban nhân dân huyện Tân Kỳ' };

const mock = (overrides: Record<string, unknown> = {}) => ({
  request: { query: PlanSelfReportsQuery, variables: { number: PLAN_NUMBER } },
  result: {
    data: {
      inspectionPlan: {
        __typename: 'InspectionPlan',
        id: 'SW5zcGVjdGlvblBsYW46MQ==',
        status: 'IN_PROGRESS',
        selfReportDue: '2024-03-20',
        targets: [QUY_HOP, CON_CUONG, TAN_KY],
        selfReports: [
          { __typename: 'SelfInspectionReport', id: 'UmVwOjE=', status: 'SUBMITTED', submittedAt: '2024-03-22T03:00:00Z', submittedLate: true, unit: { __typename: 'Unit', id: QUY_HOP.id } },
          { __typename: 'SelfInspectionReport', id: 'UmVwOjI=', status: 'DRAFT', submittedAt: null, submittedLate: false, unit: { __typename: 'Unit', id: CON_CUONG.id } },
        ],
        ...overrides,
      },
    },
  },
});

describe('PlanSelfReportsTab', () => {
  it('lists every target unit with its report status, late submissions and missing reports past the due date', async () => {
    renderWithProviders(<PlanSelfReportsTab plan={planDetail()} role={{ isLead: false, isMember: true }} />, { auth: staticAuth(member), mocks: [mock()] });

    const rows = await screen.findAllByTestId('plan-self-report-row');
    expect(rows.map((row) => row.getAttribute('data-unit'))).toEqual(['NA-QUYHOP', 'NA-CONCUONG', 'NA-TANKY']);

    expect(within(rows[0]!).getByTestId('report-status')).toHaveTextContent('Đã nộp');
    expect(within(rows[0]!).getByTestId('badge-submitted-late')).toHaveTextContent('Nộp muộn');
    expect(within(rows[0]!).getByTestId('plan-self-report-link')).toHaveAttribute('href', '/inspections/reports/UmVwOjE%3D');
    expect(rows[0]).toHaveTextContent('22/03/2024 10:00');

    expect(within(rows[1]!).getByTestId('report-status')).toHaveTextContent('Bản nháp');
    expect(within(rows[1]!).queryByTestId('plan-self-report-link')).not.toBeInTheDocument();
    expect(within(rows[1]!).getByTestId('badge-report-overdue')).toHaveTextContent('Quá hạn');

    expect(within(rows[2]!).getByTestId('report-status')).toHaveTextContent('Chưa nộp');
    expect(within(rows[2]!).getByTestId('badge-report-overdue')).toBeInTheDocument();
    expect(screen.getByText(/hạn nộp 20\/03\/2024/)).toBeInTheDocument();
  });

  it('explains that reports come after approval while the plan is a draft', async () => {
    renderWithProviders(<PlanSelfReportsTab plan={planDetail()} role={{ isLead: false, isMember: true }} />, { auth: staticAuth(member), mocks: [mock({ status: 'DRAFT', selfReports: [] })] });
    expect(await screen.findByTestId('plan-self-reports-draft')).toHaveTextContent('sau khi kế hoạch được phê duyệt');
  });

  it('is a tab of the plan page, held in the URL', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/plans/2960%2FKH-TTCP?tab=self-reports',
      auth: staticAuth(member),
      mocks: [
        { request: { query: PlanDetailQuery, variables: { number: PLAN_NUMBER } }, result: { data: { inspectionPlan: planDetail() } }, maxUsageCount: Number.POSITIVE_INFINITY },
        { ...mock(), maxUsageCount: Number.POSITIVE_INFINITY },
      ],
    });
    expect(await screen.findByTestId('plan-tab-self-reports')).toHaveTextContent('Báo cáo tự kiểm tra');
    expect(screen.getByTestId('plan-tab-self-reports')).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findAllByTestId('plan-self-report-row')).toHaveLength(3);
  });
});
