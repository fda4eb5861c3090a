import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnitSelectTreeQuery } from '../../components/UnitSelect';
import { staticAuth } from '../../lib/auth/staticAuth';
import type { AuthUser } from '../../lib/auth/user';
import { renderWithProviders } from '../../test/render';
import DashboardPage from './DashboardPage';
import { DelayListPublishMutation, DelayListQueryDocument } from './DelaysPanel';
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
    renderDashboard(`/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2`, inspectorLead, [tree('2025-06-30'), scorecardMock(PROVINCE.id, Q2_2025)]);

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
    renderDashboard(`/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2`, inspectorLead, [tree('2025-06-30'), scorecardMock(PROVINCE.id, Q2_2025)]);

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
    renderDashboard(`/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2`, inspectorLead, [tree('2025-06-30'), scorecardMock(PROVINCE.id, Q2_2025)]);

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
    renderDashboard('/dashboard?period=quarter&y=2025&n=2', headSyt, [tree('2025-06-30', [SYT]), scorecardMock(SYT.id, Q2_2025, scorecard({ unit: { ...SYT, level: 'DEPARTMENT' } as never }))]);

    expect(await screen.findByTestId('scorecard-facts')).toHaveTextContent('Sở Y tế (NA-SYT)');
  });

  it('keeps the period in the URL: switching to a month keeps the quarter’s last month', async () => {
    const user = userEvent.setup();
    renderDashboard(`/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2`, inspectorLead, [
      tree('2025-06-30'),
      scorecardMock(PROVINCE.id, Q2_2025),
      scorecardMock(PROVINCE.id, { kind: 'MONTH', year: 2025, number: 6 }),
      scorecardMock(PROVINCE.id, { kind: 'MONTH', year: 2025, number: 3 }),
      tree('2025-03-31'),
    ]);
    await screen.findByTestId('scorecard-gauge');

    await user.click(within(screen.getByTestId('period-kind')).getByLabelText('Tháng'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`/dashboard?unit=${encodeURIComponent(PROVINCE.id)}&period=month&y=2025&n=6`));

    await user.selectOptions(screen.getByTestId('period-month'), '3');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('period=month&y=2025&n=3'));
    expect(screen.getByTestId('period-year')).toHaveValue('2025');
  });

  it('exports the indicators as CSV with the fraction, rate, points, cap and formula', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    }) as never;
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = userEvent.setup();
    renderDashboard(`/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2`, inspectorLead, [tree('2025-06-30'), scorecardMock(PROVINCE.id, Q2_2025)]);

    await user.click(await screen.findByTestId('scorecard-export'));
    const csv = await blobs[0]!.text();
    const lines = csv.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Nhóm chỉ số,Chỉ số,Tử số,Mẫu số,Tỉ lệ,Điểm,Điểm tối đa,Cách tính');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^Tiến độ giải quyết,Hồ sơ giải quyết đúng hạn,150,200,75%,15,20,/);
    expect(lines[3]).toMatch(/^Mức độ hài lòng,Phản ánh được trả lời đúng hạn,,,Không có dữ liệu,Không có dữ liệu,6,/);
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
    expect(within(rows[1]!).getByTestId('ranking-unit')).toHaveAttribute('href', `/dashboard?unit=${encodeURIComponent(SYT.id)}&period=quarter&y=2025&n=2`);
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
