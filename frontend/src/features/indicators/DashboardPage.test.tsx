import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnitSelectTreeQuery } from '../../components/UnitSelect';
import { staticAuth } from '../../lib/auth/staticAuth';
import type { AuthUser } from '../../lib/auth/user';
import { captureDownloads, csvLines, readXlsx } from '../../test/downloads';
import { renderWithProviders } from '../../test/render';
import { OverdueBacklogQueryDocument } from './BacklogPanel';
import DashboardPage from './DashboardPage';
import { DelayListPublishMutation, DelayListQueryDocument } from './DelaysPanel';
import { NearlyDueQueryDocument } from './NearlyDuePanel';
import { IndicatorRankingQueryDocument } from './RankingPanel';
import { IndicatorScorecardQuery } from './scorecardQuery';
import { NGHILOC, PROVINCE, STNMT, SYT, admin, delayList, headSyt, inspectorLead, rankingEntry, scorecard } from './testFixtures';

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));

const Q2_2025 = { kind: 'QUARTER', year: 2025, number: 2 };

const tree = (asOf: string, units = [PROVINCE, SYT, STNMT, NGHILOC]) => ({
  request: { query: UnitSelectTreeQuery, variables: { asOf } },
  result: {
    data: {
      unitTree: units.map((unit, index) => ({ __typename: 'UnitTreeEntry', depth: index === 0 ? 0 : 1, unit })),
    },
  },
});

const scorecardMock = (unit: string, period: object, result = scorecard()) => ({
  request: { query: IndicatorScorecardQuery, variables: { unit, includeSubunits: true, period } },
  result: { data: { indicatorScorecard: result } },
});

function Location() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

function renderDashboard(route: string, user: AuthUser, mocks: object[]) {
  return renderWithProviders(
    <>
      <DashboardPage />
      <Location />
    </>,
    { route, auth: staticAuth(user), mocks: repeatable(mocks) as never },
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('DashboardPage – scorecard', () => {
  it('shows the total on the gauge with its band, the groups against their caps, the rule set and each indicator', async () => {
    renderDashboard(`/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2&tab=scorecard`, inspectorLead, [tree('2025-06-30'), scorecardMock(PROVINCE.id, Q2_2025)]);

    expect(await screen.findByText('Đang tính bộ chỉ số…')).toBeInTheDocument();
    const gauge = await screen.findByTestId('scorecard-gauge');
    expect(gauge).toHaveAttribute('data-value', '82.5');
    expect(gauge).toHaveAttribute('data-band', 'GOOD');
    expect(gauge).toHaveAccessibleName('Tổng điểm 82,5/100, xếp loại Tốt');
    expect(screen.getByTestId('gauge-needle')).toHaveAttribute('data-angle', '31.5');
    expect(screen.getByTestId('scorecard-total')).toHaveTextContent('82,5/100 điểm');
    expect(within(screen.getByTestId('scorecard-summary')).getByTestId('band')).toHaveTextContent('Tốt');
    expect(screen.getByTestId('scorecard-ruleset')).toHaveTextContent('Quyết định 766/QĐ-TTg (2022), hiệu lực từ 23/06/2022');
    expect(screen.getByTestId('scorecard-attainable')).toHaveTextContent('94/100');
    expect(screen.getByTestId('scorecard-facts')).toHaveTextContent('01/04/2025 – 30/06/2025');

    const bars = screen.getAllByTestId('group-bar');
    expect(bars.map((bar) => bar.getAttribute('data-group'))).toEqual(['PUBLICITY', 'PROGRESS', 'SATISFACTION']);
    expect(bars[1]).toHaveTextContent('Tiến độ giải quyết15/20');

    const row = screen.getAllByTestId('indicator-row').find((r) => r.getAttribute('data-code') === 'DOSSIERS_RESOLVED_ON_TIME')!;
    expect(within(row).getByTestId('indicator-formula')).toHaveTextContent('Số hồ sơ đến hạn trong kỳ được giải quyết đúng hạn');
    expect(within(row).getByTestId('indicator-numerator')).toHaveTextContent('150');
    expect(within(row).getByTestId('indicator-denominator')).toHaveTextContent('200');
    expect(within(row).getByTestId('indicator-rate')).toHaveTextContent('75%');
    expect(within(row).getByTestId('indicator-points')).toHaveTextContent('15');
    expect(within(row).getByTestId('indicator-cap')).toHaveTextContent('20');
  });

  it('shows an indicator that cannot be computed as “no data”, never as 0 % or 100 % or 0 points', async () => {
    renderDashboard(`/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2&tab=scorecard`, inspectorLead, [tree('2025-06-30'), scorecardMock(PROVINCE.id, Q2_2025)]);

    const rows = await screen.findAllByTestId('indicator-row');
    const missing = rows.find((r) => r.getAttribute('data-code') === 'FEEDBACK_ANSWERED_ON_TIME')!;
    const zero = rows.find((r) => r.getAttribute('data-code') === 'DOSSIER_SATISFACTION')!;
    for (const row of [missing, zero]) {
      expect(within(row).getByTestId('indicator-rate')).toHaveTextContent('Không có dữ liệu');
      expect(within(row).getByTestId('indicator-rate')).not.toHaveTextContent('%');
      expect(within(row).getByTestId('indicator-points')).toHaveTextContent('—');
    }
    expect(within(missing).getByTestId('indicator-nodata')).toHaveAttribute('data-reason', 'SOURCE_MISSING');
    expect(within(missing).getByTestId('indicator-numerator')).toHaveTextContent('—');
    expect(within(zero).getByTestId('indicator-nodata')).toHaveAttribute('data-reason', 'ZERO_DENOMINATOR');
    // A zero count is not a link to an empty list.
    expect(within(zero).getByTestId('indicator-denominator').tagName).not.toBe('A');
  });

  it('links a numerator and a denominator to the dossiers behind them, for the same unit and period', async () => {
    renderDashboard(`/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2&tab=scorecard`, inspectorLead, [tree('2025-06-30'), scorecardMock(PROVINCE.id, Q2_2025)]);

    const row = (await screen.findAllByTestId('indicator-row')).find((r) => r.getAttribute('data-code') === 'DOSSIERS_RESOLVED_ON_TIME')!;
    expect(within(row).getByTestId('indicator-numerator')).toHaveAttribute(
      'href',
      `/dashboard/indicators/DOSSIERS_RESOLVED_ON_TIME?unit=${encodeURIComponent(PROVINCE.id)}&period=quarter&y=2025&n=2`,
    );
    expect(within(row).getByTestId('indicator-denominator')).toHaveAttribute(
      'href',
      `/dashboard/indicators/DOSSIERS_RESOLVED_ON_TIME?unit=${encodeURIComponent(PROVINCE.id)}&period=quarter&y=2025&n=2&part=denominator`,
    );
  });

  it('opens on the caller’s top unit when the URL names none', async () => {
    renderDashboard('/dashboard?period=quarter&y=2025&n=2&tab=scorecard', headSyt, [tree('2025-06-30', [SYT]), scorecardMock(SYT.id, Q2_2025, scorecard({ unit: { ...SYT, level: 'DEPARTMENT' } as never }))]);

    expect(await screen.findByTestId('scorecard-facts')).toHaveTextContent('Sở Y tế (NA-SYT)');
  });

  it('keeps the period in the URL: switching to a month keeps the quarter’s last month', async () => {
    const user = userEvent.setup();
    renderDashboard(`/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2&tab=scorecard`, inspectorLead, [
      tree('2025-06-30'),
      scorecardMock(PROVINCE.id, Q2_2025),
      scorecardMock(PROVINCE.id, { kind: 'MONTH', year: 2025, number: 6 }),
      scorecardMock(PROVINCE.id, { kind: 'MONTH', year: 2025, number: 3 }),
      tree('2025-03-31'),
    ]);
    await screen.findByTestId('scorecard-gauge');

    await user.click(within(screen.getByTestId('period-kind')).getByLabelText('Tháng'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`/dashboard?unit=${encodeURIComponent(PROVINCE.id)}&period=month&y=2025&n=6&tab=scorecard`));

    await user.selectOptions(screen.getByTestId('period-month'), '3');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('period=month&y=2025&n=3'));
    expect(screen.getByTestId('period-year')).toHaveValue('2025');
  });

  it('exports the indicators as CSV with the fraction, rate in percent, points, cap and formula', async () => {
    const saved = captureDownloads();
    const user = userEvent.setup();
    renderDashboard(`/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2&tab=scorecard`, inspectorLead, [tree('2025-06-30'), scorecardMock(PROVINCE.id, Q2_2025)]);

    await user.click(await screen.findByTestId('scorecard-export-csv'));
    expect(saved[0]!.name).toMatch(/^bo-chi-so-766-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = await csvLines(saved[0]!.blob);
    expect(lines[0]).toBe('Nhóm chỉ số,Chỉ số,Tử số,Mẫu số,Tỉ lệ (%),Điểm,Điểm tối đa,Cách tính');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^Tiến độ giải quyết,Hồ sơ giải quyết đúng hạn,150,200,75,15,20,/);
    expect(lines[3]).toMatch(/^Mức độ hài lòng,Phản ánh được trả lời đúng hạn,,,Không có dữ liệu,Không có dữ liệu,6,/);
  });

  it('exports the indicators as XLSX whose counts, rates and points are numbers a spreadsheet can sum', async () => {
    const saved = captureDownloads();
    const user = userEvent.setup();
    renderDashboard(`/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2&tab=scorecard`, inspectorLead, [tree('2025-06-30'), scorecardMock(PROVINCE.id, Q2_2025)]);

    await user.click(await screen.findByTestId('scorecard-export-xlsx'));
    expect(saved[0]!.name).toMatch(/^bo-chi-so-766-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(saved[0]!.blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rows = await readXlsx(saved[0]!.blob);
    expect(rows[0]).toEqual(['Nhóm chỉ số', 'Chỉ số', 'Tử số', 'Mẫu số', 'Tỉ lệ (%)', 'Điểm', 'Điểm tối đa', 'Cách tính']);
    expect(rows).toHaveLength(5);
    expect(rows[2]!.slice(0, 7)).toEqual(['Tiến độ giải quyết', 'Hồ sơ giải quyết đúng hạn', 150, 200, 75, 15, 20]);
    // "No data" stays words, never a 0 a sum would count; a missing fraction stays empty.
    expect(rows[3]!.slice(0, 7)).toEqual(['Mức độ hài lòng', 'Phản ánh được trả lời đúng hạn', null, null, 'Không có dữ liệu', 'Không có dữ liệu', 6]);
  });
});

describe('DashboardPage – ranking', () => {
  it('ranks the units best first, equal totals sharing a rank, each linking to its own dashboard', async () => {
    renderDashboard(`/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2&tab=ranking`, inspectorLead, [
      tree('2025-06-30'),
      {
        request: { query: IndicatorRankingQueryDocument, variables: { parent: PROVINCE.id, level: null, includeSubunits: true, period: Q2_2025 } },
        result: {
          data: {
            indicatorRanking: [rankingEntry(3, NGHILOC, 48.25, 'WEAK'), rankingEntry(1, SYT, 91, 'EXCELLENT'), rankingEntry(1, STNMT, 91, 'EXCELLENT')],
          },
        },
      },
    ]);

    const rows = await screen.findAllByTestId('ranking-row');
    expect(rows.map((row) => row.getAttribute('data-unit'))).toEqual(['NA-STNMT', 'NA-SYT', 'NA-NGHILOC']);
    expect(rows.map((row) => within(row).getByTestId('ranking-rank').textContent)).toEqual(['1', '1', '3']);
    expect(within(rows[2]!).getByTestId('ranking-total')).toHaveTextContent('48,25');
    expect(within(rows[2]!).getByTestId('band')).toHaveTextContent('Yếu');
    expect(within(rows[1]!).getByTestId('ranking-unit')).toHaveAttribute('href', `/dashboard?unit=${encodeURIComponent(SYT.id)}&period=quarter&y=2025&n=2&tab=scorecard`);
  });
});

describe('DashboardPage – delays list', () => {
  const delaysMock = (status: 'DRAFT' | 'PUBLISHED', unit = SYT.id) => ({
    request: { query: DelayListQueryDocument, variables: { unit, year: 2025, month: 5 } },
    result: {
      data: {
        delayList: {
          unit: { __typename: 'Unit', id: unit },
          ...delayList(status === 'PUBLISHED' ? { status, publishedAt: '2025-06-02T03:00:00Z', publishedBy: 'Trần Văn Bình' } : {}),
        },
      },
    },
  });
  const route = `/dashboard?unit=${SYT.id}&period=quarter&y=2025&n=2&tab=delays&dm=2025-05`;

  it('offers a unit head the publish action on a draft, and publishes after confirmation', async () => {
    const user = userEvent.setup();
    renderDashboard(route, headSyt, [
      tree('2025-06-30', [SYT]),
      delaysMock('DRAFT'),
      {
        request: { query: DelayListPublishMutation, variables: { input: { unitId: SYT.id, year: 2025, month: 5 } } },
        result: {
          data: {
            delayListPublish: {
              __typename: 'DelayListPayload',
              delayList: delaysMock('PUBLISHED').result.data.delayList,
              userErrors: [],
            },
          },
        },
      },
    ]);

    expect(await screen.findByTestId('delays-status')).toHaveTextContent('Bản nháp');
    expect(screen.getAllByTestId('delays-row')[0]).toHaveTextContent('Hoàng Thị Mai');
    await user.click(screen.getByTestId('delays-publish'));
    expect(await screen.findByRole('dialog')).toHaveTextContent('Danh sách chậm muộn tháng 05/2025 của Sở Y tế (1 cán bộ) sẽ được chốt và công khai');
    await user.click(screen.getByTestId('delays-publish-confirm'));

    await waitFor(() => expect(screen.getByTestId('delays-status')).toHaveAttribute('data-status', 'PUBLISHED'));
    expect(screen.getByTestId('delays-published')).toHaveTextContent('Phê duyệt bởi Trần Văn Bình lúc 02/06/2025 10:00');
    expect(screen.queryByTestId('delays-publish')).not.toBeInTheDocument();
  });

  it('tells the unit head why the server refused, in words', async () => {
    const user = userEvent.setup();
    renderDashboard(route, headSyt, [
      tree('2025-06-30', [SYT]),
      delaysMock('DRAFT'),
      {
        request: { query: DelayListPublishMutation, variables: { input: { unitId: SYT.id, year: 2025, month: 5 } } },
        result: {
          data: {
            delayListPublish: {
              __typename: 'DelayListPayload',
              delayList: null,
              userErrors: [{ __typename: 'UserError', field: ['input', 'month'], code: 'ALREADY_PUBLISHED', message: 'already published' }],
            },
          },
        },
      },
    ]);

    await user.click(await screen.findByTestId('delays-publish'));
    await user.click(await screen.findByTestId('delays-publish-confirm'));
    expect(await screen.findByTestId('delays-problems')).toHaveTextContent('Danh sách tháng này đã được công khai trước đó.');
  });

  it('shows inspectors and administrators the list and its state, without the publish action', async () => {
    for (const user of [inspectorLead, admin]) {
      const { unmount } = renderDashboard(route, user, [tree('2025-06-30'), delaysMock('DRAFT')]);
      expect(await screen.findByTestId('delays-status')).toHaveTextContent('Bản nháp');
      expect(screen.queryByTestId('delays-publish')).not.toBeInTheDocument();
      unmount();
    }
  });

  it('shows a published list as published, with who approved it, and no publish action', async () => {
    renderDashboard(route, headSyt, [tree('2025-06-30', [SYT]), delaysMock('PUBLISHED')]);
    expect(await screen.findByTestId('delays-status')).toHaveTextContent('Đã công khai');
    expect(screen.getByTestId('delays-published')).toHaveTextContent('Trần Văn Bình');
    expect(screen.queryByTestId('delays-publish')).not.toBeInTheDocument();
  });
});

describe('DashboardPage – each role’s landing', () => {
  const ranking = (parent: string) => ({
    request: { query: IndicatorRankingQueryDocument, variables: { parent, level: null, includeSubunits: true, period: Q2_2025 } },
    result: { data: { indicatorRanking: [rankingEntry(1, SYT, 91, 'EXCELLENT'), rankingEntry(2, NGHILOC, 48.25, 'WEAK')] } },
  });
  const backlog = {
    request: { query: OverdueBacklogQueryDocument, variables: { unit: SYT.id, first: 50, after: null } },
    result: {
      data: {
        overdueBacklog: {
          __typename: 'OverdueBacklog',
          asOf: '2026-11-24',
          totalOverdue: 12, rowCount: 1, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          rows: [
            {
              __typename: 'OverdueBacklogRow',
              unit: SYT,
              procedure: { __typename: 'Procedure', id: 'UHJvYzox', nationalCode: '1.001234', name: 'Cấp giấy phép hành nghề' },
              overdue: 12,
              oldestDueDate: '2026-10-05',
              open: 40,
            },
          ],
        },
      },
    },
  };
  const nearlyDue = {
    request: { query: NearlyDueQueryDocument, variables: { unit: SYT.id, withinWorkingDays: 3, first: 50, after: null } },
    result: {
      data: {
        nearlyDueDossiers: { __typename: 'DossierConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes: [] },
      },
    },
  };
  const juneDelays = {
    request: { query: DelayListQueryDocument, variables: { unit: SYT.id, year: 2025, month: 6 } },
    result: { data: { delayList: { unit: { __typename: 'Unit', id: SYT.id }, ...delayList({ month: 6 }) } } },
  };
  const tabOrder = () => within(screen.getByTestId('dashboard-tabs')).getAllByRole('tab').map((tab) => tab.getAttribute('data-testid'));

  it('lands an inspector or an administrator on the province, its units ranked first', async () => {
    for (const user of [inspectorLead, admin]) {
      const { unmount } = renderDashboard('/dashboard?period=quarter&y=2025&n=2', user, [tree('2025-06-30'), ranking(PROVINCE.id)]);
      expect(await screen.findAllByTestId('ranking-row')).toHaveLength(2);
      expect(tabOrder()).toEqual(['dashboard-tab-ranking', 'dashboard-tab-scorecard', 'dashboard-tab-trend', 'dashboard-tab-work', 'dashboard-tab-delays']);
      expect(screen.getByTestId('dashboard-tab-ranking')).toHaveAttribute('aria-selected', 'true');
      expect(screen.getByTestId('dashboard-unit')).toHaveValue('Tỉnh Nghệ An (NA)');
      unmount();
    }
  });

  it('lands a unit head on their own unit’s overdue and nearly-due dossiers, the delays list to publish next', async () => {
    const user = userEvent.setup();
    renderDashboard('/dashboard?period=quarter&y=2025&n=2', headSyt, [tree('2025-06-30', [SYT]), backlog, nearlyDue, juneDelays]);

    expect(await screen.findByTestId('backlog-total')).toHaveTextContent('12 hồ sơ quá hạn');
    expect(await screen.findByTestId('nearly-due-total')).toHaveTextContent('0 hồ sơ sắp đến hạn');
    expect(tabOrder()).toEqual(['dashboard-tab-work', 'dashboard-tab-delays', 'dashboard-tab-scorecard', 'dashboard-tab-trend', 'dashboard-tab-ranking']);
    expect(screen.getByTestId('dashboard-tab-work')).toHaveTextContent('Việc cần xử lý');
    expect(screen.getByTestId('dashboard-unit')).toHaveValue('Sở Y tế (NA-SYT)');

    await user.click(screen.getByTestId('dashboard-tab-delays'));
    expect(await screen.findByTestId('delays-publish')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('tab=delays');

    // Back on the landing tab, the link needs no tab: it is where a unit head lands.
    await user.click(screen.getByTestId('dashboard-tab-work'));
    await waitFor(() => expect(screen.getByTestId('location')).not.toHaveTextContent('tab='));
    expect(await screen.findByTestId('backlog-total')).toBeInTheDocument();
  });

  it('still opens the work lists from links naming the former backlog and nearly-due tabs', async () => {
    for (const tab of ['backlog', 'nearlyDue']) {
      const { unmount } = renderDashboard(`/dashboard?unit=${SYT.id}&period=quarter&y=2025&n=2&tab=${tab}`, inspectorLead, [tree('2025-06-30'), backlog, nearlyDue]);
      expect(await screen.findByTestId('backlog-total')).toBeInTheDocument();
      expect(screen.getByTestId('dashboard-tab-work')).toHaveAttribute('aria-selected', 'true');
      unmount();
    }
  });

  it('offers a partner system only what the API lets it read: scorecard, ranking and trend', async () => {
    const partner = { username: 'lantern-partner-nghean', displayName: 'Cổng dịch vụ công Nghệ An', roles: ['partner' as const] };
    renderDashboard(`/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2&tab=delays`, partner, [tree('2025-06-30'), scorecardMock(PROVINCE.id, Q2_2025)]);

    expect(await screen.findByTestId('scorecard-gauge')).toBeInTheDocument();
    expect(tabOrder()).toEqual(['dashboard-tab-scorecard', 'dashboard-tab-ranking', 'dashboard-tab-trend']);
    expect(screen.queryByTestId('delays-status')).not.toBeInTheDocument();
  });
});
