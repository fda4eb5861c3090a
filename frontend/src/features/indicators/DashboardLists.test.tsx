import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UnitSelectTreeQuery } from '../../components/UnitSelect';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders } from '../../test/render';
import { BACKLOG_PAGE_SIZE, OverdueBacklogQueryDocument } from './BacklogPanel';
import DashboardPage from './DashboardPage';
import { NearlyDueQueryDocument } from './NearlyDuePanel';
import { IndicatorScorecardQuery } from './scorecardQuery';
import { NGHILOC, PROVINCE, SYT, dossierRow, headSyt, inspectorLead, scorecard } from './testFixtures';
import { IndicatorTrendQueryDocument } from './TrendPanel';

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));
const tree = (asOf: string, units = [PROVINCE, SYT]) => ({
  request: { query: UnitSelectTreeQuery, variables: { asOf } },
  result: { data: { unitTree: units.map((unit, index) => ({ __typename: 'UnitTreeEntry', depth: index === 0 ? 0 : 1, unit })) } },
});

const month = (m: number, total: number, band: string) => ({
  __typename: 'IndicatorScorecard',
  unit: PROVINCE,
  period: { __typename: 'IndicatorPeriod', from: `2025-${String(m).padStart(2, '0')}-01`, to: `2025-${String(m).padStart(2, '0')}-28` },
  ruleSet: { __typename: 'IndicatorRuleSet', id: 'SW5kaWNhdG9yUnVsZVNldDox', excellentFrom: 90, goodFrom: 70, averageFrom: 50 },
  total,
  band,
  groups: [{ __typename: 'IndicatorGroupScore', group: 'PROGRESS', points: total / 5 }],
});

const nearlyDue = (withinWorkingDays: number, nodes: object[]) => ({
  request: { query: NearlyDueQueryDocument, variables: { unit: SYT.id, withinWorkingDays, first: 50, after: null } },
  result: {
    data: {
      nearlyDueDossiers: {
        __typename: 'DossierConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        nodes,
      },
    },
  },
});

describe('DashboardPage – trend, backlog and nearly due', () => {
  it('draws the twelve months up to a one-month period as a line, point by point', async () => {
    renderWithProviders(<DashboardPage />, {
      route: `/dashboard?unit=${PROVINCE.id}&period=month&y=2025&n=3&tab=trend`,
      auth: staticAuth(inspectorLead),
      mocks: repeatable([
        tree('2025-03-31'),
        {
          request: { query: IndicatorTrendQueryDocument, variables: { unit: PROVINCE.id, includeSubunits: true, from: '2024-04-01', to: '2025-03-31' } },
          result: { data: { indicatorTrend: [month(1, 45, 'WEAK'), month(2, 72.5, 'GOOD'), month(3, 91, 'EXCELLENT')] } },
        },
      ]) as never,
    });

    const chart = await screen.findByTestId('trend-chart');
    expect(chart).toHaveAccessibleName('Biểu đồ tổng điểm theo tháng của Tỉnh Nghệ An');
    const points = within(chart).getAllByTestId('trend-point');
    expect(points.map((p) => p.getAttribute('data-total'))).toEqual(['45', '72.5', '91']);
    expect(points[1]).toHaveTextContent('Tỉnh Nghệ An · 02/2025: 72,5 điểm, Tốt');
    // Higher totals sit higher on the chart.
    expect(Number(points[2]!.getAttribute('cy'))).toBeLessThan(Number(points[0]!.getAttribute('cy')));
    expect(within(screen.getByTestId('trend-table')).getAllByRole('row')[1]).toHaveTextContent('Tỉnh Nghệ An2025-0145Yếu9');
  });

  it('lists the overdue backlog by unit and procedure, each count linking to those dossiers', async () => {
    renderWithProviders(<DashboardPage />, {
      route: `/dashboard?unit=${SYT.id}&period=year&y=2025&tab=backlog`,
      auth: staticAuth(headSyt),
      mocks: repeatable([
        tree('2025-12-31', [SYT]),
        {
          request: { query: OverdueBacklogQueryDocument, variables: { unit: SYT.id, first: BACKLOG_PAGE_SIZE, after: null } },
          result: {
            data: {
              overdueBacklog: {
                __typename: 'OverdueBacklog',
                asOf: '2026-11-24',
                totalOverdue: 1207,
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
                rows: [
                  {
                    __typename: 'OverdueBacklogRow',
                    unit: SYT,
                    procedure: { __typename: 'Procedure', id: 'UHJvYzox', nationalCode: '1.001234', name: 'Cấp giấy phép hành nghề' },
                    overdue: 1207,
                    oldestDueDate: '2026-01-05',
                    open: 1500,
                  },
                ],
              },
            },
          },
        },
      ]) as never,
    });

    expect(await screen.findByTestId('backlog-total')).toHaveTextContent('1.207 hồ sơ quá hạn tính đến 24/11/2026');
    const row = screen.getByTestId('backlog-row');
    expect(row).toHaveTextContent('Sở Y tế1.001234 Cấp giấy phép hành nghề1.2071.50005/01/2026');
    expect(within(row).getByRole('link', { name: '1.207' })).toHaveAttribute('href', `/dossiers?unit=${encodeURIComponent(SYT.id)}&procedure=UHJvYzox&overdue=1`);
  });

  it('pages through a long backlog, keeping the totals of every page', async () => {
    const user = userEvent.setup();
    const page = (after: string | null, code: string, hasNextPage: boolean) => ({
      request: { query: OverdueBacklogQueryDocument, variables: { unit: SYT.id, first: BACKLOG_PAGE_SIZE, after } },
      result: {
        data: {
          overdueBacklog: {
            __typename: 'OverdueBacklog',
            asOf: '2026-11-24',
            totalOverdue: 9,
            pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `after-${code}` },
            rows: [
              {
                __typename: 'OverdueBacklogRow',
                unit: SYT,
                procedure: { __typename: 'Procedure', id: `proc-${code}`, nationalCode: code, name: `Thủ tục ${code}` },
                overdue: hasNextPage ? 5 : 4,
                oldestDueDate: '2026-01-05',
                open: 6,
              },
            ],
          },
        },
      },
    });
    renderWithProviders(<DashboardPage />, {
      route: `/dashboard?unit=${SYT.id}&period=year&y=2025&tab=backlog`,
      auth: staticAuth(headSyt),
      mocks: repeatable([tree('2025-12-31', [SYT]), page(null, '1.000001', true), page('after-1.000001', '1.000002', false)]) as never,
    });

    expect(await screen.findByTestId('backlog-row')).toHaveTextContent('1.000001');
    await user.click(screen.getByTestId('backlog-next'));
    await waitFor(() => expect(screen.getByTestId('backlog-row')).toHaveTextContent('1.000002'));
    expect(screen.getByTestId('backlog-total')).toHaveTextContent('9');
    expect(screen.getByTestId('backlog-next')).toBeDisabled();
  });

  it('asks for the dossiers due within the number of working days the unit head picks', async () => {
    const user = userEvent.setup();
    renderWithProviders(<DashboardPage />, {
      route: `/dashboard?unit=${SYT.id}&period=year&y=2025&tab=nearlyDue`,
      auth: staticAuth(headSyt),
      mocks: repeatable([
        tree('2025-12-31', [SYT]),
        nearlyDue(3, [dossierRow({ status: 'PROCESSING', dueDate: '2026-11-26' })]),
        nearlyDue(7, [dossierRow({ status: 'PROCESSING', dueDate: '2026-11-26' }), dossierRow({ id: 'RG9zc2llcjoy', receiptCode: 'NA-SYT-251101-000900', status: 'RECEIVED', dueDate: '2026-12-02' })]),
      ]) as never,
    });

    expect(await screen.findByTestId('nearly-due-total')).toHaveTextContent('1 hồ sơ sắp đến hạn');
    expect(screen.getByTestId('nearly-due-within')).toHaveValue('3');
    await user.selectOptions(screen.getByTestId('nearly-due-within'), '7');
    await waitFor(() => expect(screen.getByTestId('nearly-due-total')).toHaveTextContent('2 hồ sơ sắp đến hạn'));
    expect(screen.getByRole('link', { name: 'NA-SYT-251101-000900' })).toHaveAttribute('href', '/dossiers/NA-SYT-251101-000900');
  });

  it('speaks English to an English reader, “no data” included', async () => {
    renderWithProviders(<DashboardPage />, {
      route: `/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2&tab=scorecard`,
      auth: staticAuth(inspectorLead),
      lng: 'en',
      mocks: repeatable([
        tree('2025-06-30'),
        {
          request: { query: IndicatorScorecardQuery, variables: { unit: PROVINCE.id, includeSubunits: true, period: { kind: 'QUARTER', year: 2025, number: 2 } } },
          result: { data: { indicatorScorecard: scorecard() } },
        },
      ]) as never,
    });

    expect(await screen.findByTestId('scorecard-total')).toHaveTextContent('82.5/100 points');
    expect(screen.getByTestId('scorecard-gauge')).toHaveAccessibleName('Total 82.5 out of 100, band Good');
    const rows = screen.getAllByTestId('indicator-row');
    expect(rows.find((r) => r.getAttribute('data-code') === 'FEEDBACK_ANSWERED_ON_TIME')).toHaveTextContent('Feedback answered on time');
    expect(rows.find((r) => r.getAttribute('data-code') === 'FEEDBACK_ANSWERED_ON_TIME')).toHaveTextContent('No data');
    expect(screen.getByTestId('dashboard-tab-work')).toHaveTextContent('To act on');
    expect(screen.getByTestId('scorecard-export-xlsx')).toHaveAccessibleName('Download the table as Excel (XLSX)');
    expect(screen.getByTestId('scorecard-export-csv')).toHaveAccessibleName('Download the table as CSV');
  });

  it('tells a unit head whose unit did not exist in the period to pick another one', async () => {
    renderWithProviders(<DashboardPage />, {
      route: '/dashboard?period=year&y=2020',
      auth: staticAuth(headSyt),
      mocks: repeatable([tree('2020-12-31', [])]) as never,
    });
    expect(await screen.findByTestId('dashboard-no-unit')).toHaveTextContent('Hãy chọn một kỳ khác');
  });

  it('adds another unit’s line to compare, and says which one could not be loaded', async () => {
    const user = userEvent.setup();
    const trend = (unit: string, result: object) => ({
      request: { query: IndicatorTrendQueryDocument, variables: { unit, includeSubunits: true, from: '2025-01-01', to: '2025-12-31' } },
      result,
    });
    renderWithProviders(<DashboardPage />, {
      route: `/dashboard?unit=${PROVINCE.id}&period=year&y=2025&tab=trend`,
      auth: staticAuth(inspectorLead),
      mocks: repeatable([
        tree('2025-12-31', [PROVINCE, SYT, NGHILOC]),
        trend(PROVINCE.id, { data: { indicatorTrend: [month(1, 45, 'WEAK'), month(2, 72.5, 'GOOD')] } }),
        trend(SYT.id, { data: { indicatorTrend: [{ ...month(1, 80, 'GOOD'), unit: SYT }, { ...month(2, 85, 'GOOD'), unit: SYT }] } }),
        trend(NGHILOC.id, { errors: [{ message: 'boom', extensions: { classification: 'INTERNAL_ERROR' } }] }),
      ]) as never,
    });

    await screen.findByTestId('trend-chart');
    await user.click(screen.getByTestId('trend-compare'));
    await user.click(await screen.findByRole('option', { name: 'Sở Y tế (NA-SYT)' }));
    await waitFor(() => expect(screen.getAllByTestId('trend-series').map((g) => g.getAttribute('data-name'))).toEqual(['Tỉnh Nghệ An', 'Sở Y tế']));

    await user.click(await screen.findByRole('option', { name: 'Ủy ban nhân dân huyện Nghi Lộc (NA-NGHILOC)' }));
    expect(await screen.findByTestId('trend-compare-failed')).toHaveTextContent('Không tải được diễn biến của: Ủy ban nhân dân huyện Nghi Lộc (NA-NGHILOC)');
    expect(screen.getAllByTestId('trend-series')).toHaveLength(2);
  });
});
