import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnitSelectTreeQuery } from '../../components/UnitSelect';
import { staticAuth } from '../../lib/auth/staticAuth';
import { captureDownloads, csvLines, readXlsx } from '../../test/downloads';
import { renderWithProviders } from '../../test/render';
import { OverdueBacklogQueryDocument } from './BacklogPanel';
import DashboardPage from './DashboardPage';
import { DelayListQueryDocument } from './DelaysPanel';
import IndicatorPage, { IndicatorDossiersQuery, IndicatorProceduresQuery } from './IndicatorPage';
import { NearlyDueQueryDocument } from './NearlyDuePanel';
import PublicDelaysPage, { PublishedDelayListsQuery } from './PublicDelaysPage';
import { ExportButtons } from './parts';
import { IndicatorRankingQueryDocument } from './RankingPanel';
import RuleSetsPage, { IndicatorRuleSetsQueryDocument } from './RuleSetsPage';
import { IndicatorScorecardQuery } from './scorecardQuery';
import { NGHILOC, PROVINCE, STNMT, SYT, delayList, dossierRow, headSyt, inspectorLead, rankingEntry, scorecard } from './testFixtures';
import { EXPORT_PAGE_SIZE, type ExportTable } from './tableExport';
import { IndicatorTrendQueryDocument } from './TrendPanel';

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));
const tree = (asOf: string, units = [PROVINCE, SYT]) => ({
  request: { query: UnitSelectTreeQuery, variables: { asOf } },
  result: { data: { unitTree: units.map((unit, index) => ({ __typename: 'UnitTreeEntry', depth: index === 0 ? 0 : 1, unit })) } },
});
const Q2_2025 = { kind: 'QUARTER', year: 2025, number: 2 };
const FILE_DATE = String.raw`\d{4}-\d{2}-\d{2}`;

/** Clicks both buttons of an export control and returns the CSV and the XLSX it saved. */
async function exportBoth(testId: string, within_: HTMLElement = document.body) {
  const saved = captureDownloads();
  const user = userEvent.setup();
  const control = await within(within_).findByTestId(testId);
  expect(within(control).getByTestId(`${testId}-csv`)).toHaveTextContent('CSV');
  expect(within(control).getByTestId(`${testId}-xlsx`)).toHaveTextContent('XLSX');
  await user.click(within(control).getByTestId(`${testId}-csv`));
  await waitFor(() => expect(saved).toHaveLength(1));
  await user.click(within(control).getByTestId(`${testId}-xlsx`));
  await waitFor(() => expect(saved).toHaveLength(2));
  return { csv: saved[0]!, xlsx: saved[1]! };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('exports of the dashboard’s tables', () => {
  it('exports the ranking with ranks, totals, group points and dossiers as numbers', async () => {
    renderWithProviders(<DashboardPage />, {
      route: `/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2&tab=ranking`,
      auth: staticAuth(inspectorLead),
      mocks: repeatable([
        tree('2025-06-30', [PROVINCE, SYT, STNMT, NGHILOC]),
        {
          request: { query: IndicatorRankingQueryDocument, variables: { parent: PROVINCE.id, level: null, includeSubunits: true, period: Q2_2025 } },
          result: { data: { indicatorRanking: [rankingEntry(2, NGHILOC, 48.25, 'WEAK'), rankingEntry(1, SYT, 91, 'EXCELLENT')] } },
        },
      ]) as never,
    });
    const { csv, xlsx } = await exportBoth('ranking-export');

    expect(csv.name).toMatch(new RegExp(`^xep-hang-don-vi-${FILE_DATE}\\.csv$`));
    expect(xlsx.name).toMatch(new RegExp(`^xep-hang-don-vi-${FILE_DATE}\\.xlsx$`));
    expect((await csvLines(csv.blob))[2]).toBe('2,NA-NGHILOC,Ủy ban nhân dân huyện Nghi Lộc,"48,25",Yếu,"8,04","8,04","8,04","8,04","8,04","8,04",200');
    const rows = await readXlsx(xlsx.blob);
    expect(rows[0]).toEqual(['Hạng', 'Mã đơn vị', 'Đơn vị', 'Tổng điểm', 'Xếp loại', 'Công khai', 'Tiến độ', 'DVC trực tuyến', 'Thanh toán TT', 'Số hóa', 'Hài lòng', 'Hồ sơ tiếp nhận']);
    expect(rows[1]).toEqual([1, 'NA-SYT', 'Sở Y tế', 91, 'Xuất sắc', 15.17, 15.17, 15.17, 15.17, 15.17, 15.17, 100]);
    expect(rows[2]![3]).toBe(48.25);
  });

  it('exports the trend with each month’s total and group points as numbers', async () => {
    const month = (m: number, total: number) => ({
      __typename: 'IndicatorScorecard',
      unit: PROVINCE,
      period: { __typename: 'IndicatorPeriod', from: `2025-0${m}-01`, to: `2025-0${m}-28` },
      ruleSet: { __typename: 'IndicatorRuleSet', id: 'SW5kaWNhdG9yUnVsZVNldDox', excellentFrom: 90, goodFrom: 70, averageFrom: 50 },
      total,
      band: 'GOOD',
      groups: [{ __typename: 'IndicatorGroupScore', group: 'PROGRESS', points: total / 5 }],
    });
    renderWithProviders(<DashboardPage />, {
      route: `/dashboard?unit=${PROVINCE.id}&period=quarter&y=2025&n=2&tab=trend`,
      auth: staticAuth(inspectorLead),
      mocks: repeatable([
        tree('2025-06-30'),
        {
          request: { query: IndicatorTrendQueryDocument, variables: { unit: PROVINCE.id, includeSubunits: true, from: '2025-04-01', to: '2025-06-30' } },
          result: { data: { indicatorTrend: [month(4, 72.5), month(5, 80)] } },
        },
      ]) as never,
    });
    const { csv, xlsx } = await exportBoth('trend-export');

    expect((await csvLines(csv.blob))[1]).toBe('Tỉnh Nghệ An,2025-04,"72,5",Tốt,"14,5"');
    const rows = await readXlsx(xlsx.blob);
    expect(rows.slice(1)).toEqual([
      ['Tỉnh Nghệ An', '2025-04', 72.5, 'Tốt', 14.5],
      ['Tỉnh Nghệ An', '2025-05', 80, 'Tốt', 16],
    ]);
  });

  it('exports the overdue backlog with its counts as numbers', async () => {
    renderWithProviders(<DashboardPage />, {
      route: `/dashboard?unit=${SYT.id}&period=year&y=2025`,
      auth: staticAuth(headSyt),
      mocks: repeatable([
        tree('2025-12-31', [SYT]),
        {
          request: { query: OverdueBacklogQueryDocument, variables: { unit: SYT.id, first: 50, after: null } },
          result: {
            data: {
              overdueBacklog: {
                __typename: 'OverdueBacklog',
                asOf: '2026-11-24',
                totalOverdue: 1207, rowCount: 1, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
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
        {
          request: { query: NearlyDueQueryDocument, variables: { unit: SYT.id, withinWorkingDays: 3, first: 50, after: null } },
          result: {
            data: { nearlyDueDossiers: { __typename: 'DossierConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes: [] } },
          },
        },
      ]) as never,
    });
    const { csv, xlsx } = await exportBoth('backlog-export');

    expect((await csvLines(csv.blob))[1]).toBe('Sở Y tế,1.001234,Cấp giấy phép hành nghề,1207,1500,05/01/2026');
    expect((await readXlsx(xlsx.blob))[1]).toEqual(['Sở Y tế', '1.001234', 'Cấp giấy phép hành nghề', 1207, 1500, '05/01/2026']);
    // Nothing nearly due: nothing to export.
    expect(screen.getByTestId('nearly-due-export-csv')).toBeDisabled();
  });

  it('exports the delays list on the dashboard with its counts as numbers, one row per procedure', async () => {
    renderWithProviders(<DashboardPage />, {
      route: `/dashboard?unit=${SYT.id}&period=quarter&y=2025&n=2&tab=delays&dm=2025-05`,
      auth: staticAuth(headSyt),
      mocks: repeatable([
        tree('2025-06-30', [SYT]),
        {
          request: { query: DelayListQueryDocument, variables: { unit: SYT.id, year: 2025, month: 5 } },
          result: { data: { delayList: { unit: { __typename: 'Unit', id: SYT.id }, ...delayList() } } },
        },
      ]) as never,
    });
    const { csv, xlsx } = await exportBoth('delays-export');

    expect(csv.name).toMatch(new RegExp(`^danh-sach-cham-muon-NA-SYT-2025-05-${FILE_DATE}\\.csv$`));
    expect((await csvLines(csv.blob))[2]).toBe('Hoàng Thị Mai,Chuyên viên,Sở Y tế,3,4,9,1.005678,"Cấp chứng chỉ hành nghề dược, ""bản sao""",1');
    const rows = await readXlsx(xlsx.blob);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual(['Hoàng Thị Mai', 'Chuyên viên', 'Sở Y tế', 3, 4, 9, '1.001234', 'Cấp giấy phép hành nghề', 2]);
  });

  it('exports a published delays list from the public page, without logging in', async () => {
    const published = delayList({ status: 'PUBLISHED', publishedAt: '2025-06-02T03:00:00Z', publishedBy: 'Trần Văn Bình' });
    renderWithProviders(<PublicDelaysPage />, {
      route: '/public/delays',
      mocks: repeatable([
        {
          request: { query: PublishedDelayListsQuery, variables: { unitCode: null, year: null, first: 10, after: null } },
          result: {
            data: {
              publishedDelayLists: { __typename: 'DelayListConnection', totalCount: 1, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' }, nodes: [published] },
            },
          },
        },
      ]),
    });
    const { csv, xlsx } = await exportBoth('delays-export', await screen.findByTestId('public-list'));

    expect((await csvLines(csv.blob))[0]).toBe('"Cán bộ, công chức",Chức vụ,Đơn vị,Số hồ sơ trễ hạn,Số bước quá hạn,Số ngày quá hạn,Mã thủ tục,Thủ tục hành chính,Số hồ sơ của thủ tục');
    expect((await readXlsx(xlsx.blob))[2]!.slice(3, 6)).toEqual([3, 4, 9]);
  });

  it('exports a rule set with its weights, caps and full-points rate as numbers', async () => {
    const rule = (code: string, weight: number, fullAt = 1) => ({ __typename: 'IndicatorRule', code, weight, cap: weight, fullAt });
    renderWithProviders(<RuleSetsPage />, {
      auth: staticAuth(inspectorLead),
      mocks: repeatable([
        {
          request: { query: IndicatorRuleSetsQueryDocument },
          result: {
            data: {
              indicatorRuleSets: [
                {
                  __typename: 'IndicatorRuleSet',
                  id: 'SW5kaWNhdG9yUnVsZVNldDox',
                  name: 'Quyết định 766/QĐ-TTg (2022)',
                  effectiveFrom: '2022-06-23',
                  excellentFrom: 90,
                  goodFrom: 70,
                  averageFrom: 50,
                  createdAt: '2026-01-01T00:00:00Z',
                  createdBy: null,
                  groups: [
                    { __typename: 'IndicatorGroupRule', group: 'PROGRESS', maxPoints: 60, indicators: [rule('DOSSIERS_RESOLVED_ON_TIME', 60)] },
                    { __typename: 'IndicatorGroupRule', group: 'SATISFACTION', maxPoints: 40, indicators: [rule('DOSSIER_SATISFACTION', 40, 0.9)] },
                  ],
                },
              ],
            },
          },
        },
      ]),
    });
    const { csv, xlsx } = await exportBoth('rule-set-export');

    expect(csv.name).toMatch(new RegExp(`^bo-tieu-chi-cham-diem-2022-06-23-${FILE_DATE}\\.csv$`));
    const rows = await readXlsx(xlsx.blob);
    expect(rows[0]).toEqual(['Bộ tiêu chí', 'Nhóm chỉ số', 'Điểm tối đa của nhóm', 'Chỉ số', 'Trọng số', 'Điểm tối đa', 'Đạt điểm tối đa khi tỉ lệ (%)']);
    expect(rows[2]).toEqual(['Quyết định 766/QĐ-TTg (2022)', 'Mức độ hài lòng', 40, 'Hài lòng với việc giải quyết hồ sơ', 40, 40, 90]);
  });
});

/**
 * The export's requests for a list of `total` rows: pages of `EXPORT_PAGE_SIZE`, the cursor after
 * n rows being `e<n>`; `firstAfter: null` where the query sends `after: null` on the first page.
 */
function exportPages(total: number, page: (paging: object, from: number, count: number, next: string | null) => object, firstAfter?: null): object[] {
  const mocks: object[] = [];
  for (let from = 0; from < total; from += EXPORT_PAGE_SIZE) {
    const count = Math.min(EXPORT_PAGE_SIZE, total - from);
    const next = from + count < total ? `e${from + count}` : null;
    const after = from === 0 ? (firstAfter === null ? { after: null } : {}) : { after: `e${from}` };
    mocks.push(page({ first: EXPORT_PAGE_SIZE, ...after }, from, count, next));
  }
  return mocks;
}

describe('exports of paged lists hold the whole list, not the page on screen', () => {
  const dossierPage = (query: unknown, field: string, variables: object, from: number, count: number, totalCount: number, next: string | null) => ({
    request: { query, variables },
    result: {
      data: {
        [field]: {
          __typename: 'DossierConnection',
          totalCount,
          pageInfo: { __typename: 'PageInfo', hasNextPage: next !== null, hasPreviousPage: from > 0, startCursor: `s${from}`, endCursor: next },
          nodes: Array.from({ length: count }, (_, i) => dossierRow({ id: `RG9zc2llcjo${from + i}`, receiptCode: `NA-SYT-250415-${String(from + i).padStart(6, '0')}` })),
        },
      },
    },
  });

  const drillVariables = { unit: SYT.id, includeSubunits: false, period: { kind: 'MONTH', year: 2025, number: 5 }, indicator: 'DOSSIERS_RESOLVED_ON_TIME', part: 'NUMERATOR' };
  const drillScorecard = {
    request: { query: IndicatorScorecardQuery, variables: { unit: SYT.id, includeSubunits: false, period: { kind: 'MONTH', year: 2025, number: 5 } } },
    result: { data: { indicatorScorecard: scorecard({ unit: { ...SYT, level: 'DEPARTMENT' } as never }) } },
  };
  const renderDrill = (route: string, mocks: object[]) =>
    renderWithProviders(
      <Routes>
        <Route path="/dashboard/indicators/:code" element={<IndicatorPage />} />
      </Routes>,
      { route, auth: staticAuth(inspectorLead), mocks: repeatable(mocks) as never },
    );

  it('walks every page of a drill-down’s dossiers into one XLSX', async () => {
    renderDrill(`/dashboard/indicators/DOSSIERS_RESOLVED_ON_TIME?unit=${SYT.id}&sub=0&period=month&y=2025&n=5`, [
      drillScorecard,
      dossierPage(IndicatorDossiersQuery, 'indicatorDossiers', { ...drillVariables, first: 20 }, 0, 20, 150, 'p20'),
      ...exportPages(150, (paging, from, count, next) => dossierPage(IndicatorDossiersQuery, 'indicatorDossiers', { ...drillVariables, ...paging }, from, count, 150, next)),
    ]);
    expect(await screen.findAllByTestId('dossier-row')).toHaveLength(20);
    const { csv, xlsx } = await exportBoth('indicator-export');

    expect(csv.name).toMatch(new RegExp(`^DOSSIERS_RESOLVED_ON_TIME-numerator-${FILE_DATE}\\.csv$`));
    expect(await csvLines(csv.blob)).toHaveLength(151);
    const rows = await readXlsx(xlsx.blob);
    expect(rows).toHaveLength(151);
    expect(rows[1]![0]).toBe('NA-SYT-250415-000000');
    expect(rows[150]![0]).toBe('NA-SYT-250415-000149');
    expect(screen.queryByTestId('indicator-export-capped')).not.toBeInTheDocument();
  });

  it('walks every page of a drill-down’s procedures', async () => {
    const procedures = (variables: object, from: number, count: number, next: string | null) => ({
      request: { query: IndicatorProceduresQuery, variables: { ...drillVariables, indicator: 'PROCEDURES_ANNOUNCED_ON_TIME', ...variables } },
      result: {
        data: {
          indicatorProcedures: {
            __typename: 'ProcedureConnection',
            totalCount: 120,
            pageInfo: { __typename: 'PageInfo', hasNextPage: next !== null, hasPreviousPage: false, startCursor: 's', endCursor: next },
            nodes: Array.from({ length: count }, (_, i) => ({
              __typename: 'Procedure',
              id: `UHJvYzo${from + i}`,
              nationalCode: `1.${String(from + i).padStart(6, '0')}`,
              name: 'Cấp giấy phép',
              effectiveOn: '2025-05-01',
              announcedOn: null,
              publishedOn: null,
            })),
          },
        },
      },
    });
    renderDrill(`/dashboard/indicators/PROCEDURES_ANNOUNCED_ON_TIME?unit=${SYT.id}&sub=0&period=month&y=2025&n=5`, [
      drillScorecard,
      procedures({ first: 20 }, 0, 20, 'p20'),
      ...exportPages(120, procedures),
    ]);
    expect(await screen.findAllByTestId('procedure-row')).toHaveLength(20);
    const { xlsx } = await exportBoth('indicator-export');

    const rows = await readXlsx(xlsx.blob);
    expect(rows).toHaveLength(121);
    expect(rows[120]).toEqual(['1.000119', 'Cấp giấy phép', '01/05/2025']);
  });

  it('walks the nearly-due list page after page, showing how far it got', async () => {
    const variables = { unit: SYT.id, withinWorkingDays: 3 };
    renderWithProviders(<DashboardPage />, {
      route: `/dashboard?unit=${SYT.id}&period=year&y=2025&tab=work`,
      auth: staticAuth(headSyt),
      mocks: repeatable([
        tree('2025-12-31', [SYT]),
        {
          request: { query: OverdueBacklogQueryDocument, variables: { unit: SYT.id, first: 50, after: null } },
          result: { data: { overdueBacklog: { __typename: 'OverdueBacklog', asOf: '2026-11-24', totalOverdue: 0, rowCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, rows: [] } } },
        },
        // The page on screen is the export's first page too (both 50 rows).
        ...exportPages(230, (paging, from, count, next) => dossierPage(NearlyDueQueryDocument, 'nearlyDueDossiers', { ...variables, ...paging }, from, count, 230, next), null),
      ]) as never,
    });
    expect(await screen.findAllByTestId('dossier-row')).toHaveLength(50);
    const saved = captureDownloads();
    await userEvent.setup().click(screen.getByTestId('nearly-due-export-xlsx'));
    expect(await screen.findByTestId('nearly-due-export-progress')).toBeInTheDocument();

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toMatch(new RegExp(`^ho-so-sap-den-han-${FILE_DATE}\\.xlsx$`));
    const rows = await readXlsx(saved[0]!.blob);
    expect(rows).toHaveLength(231);
    expect(rows[230]![0]).toBe('NA-SYT-250415-000229');
    expect(screen.queryByTestId('nearly-due-export-progress')).not.toBeInTheDocument();
    expect(screen.queryByTestId('nearly-due-export-capped')).not.toBeInTheDocument();
  });

  it('tells the reader when the file stops at the row cap', async () => {
    const saved = captureDownloads();
    let progress: (loaded: number, total: number) => void = () => {};
    let finish: () => void = () => {};
    const load = (onProgress: (loaded: number, total: number) => void) =>
      new Promise<{ table: ExportTable; totalCount: number; capped: boolean }>((resolve) => {
        progress = onProgress;
        finish = () => resolve({ table: { header: ['n'], rows: Array.from({ length: 10_000 }, (_, i) => [i]) }, totalCount: 12_345, capped: true });
      });
    renderWithProviders(<ExportButtons name="ds" testId="x" load={load} />);

    await userEvent.setup().click(screen.getByTestId('x-csv'));
    act(() => progress(4_200, 10_000));
    expect(screen.getByTestId('x-progress')).toHaveTextContent('Đang tải 4.200/10.000 dòng…');
    expect(screen.getByTestId('x-xlsx')).toBeDisabled();
    await act(async () => finish());

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(screen.getByTestId('x-capped')).toHaveTextContent('Tệp chỉ gồm 10.000 dòng đầu tiên trong tổng số 12.345');
    expect(await csvLines(saved[0]!.blob)).toHaveLength(10_001);
    expect(screen.queryByTestId('x-progress')).not.toBeInTheDocument();
  });

  it('says why a paged export failed instead of saving half a list', async () => {
    renderDrill(`/dashboard/indicators/DOSSIERS_RESOLVED_ON_TIME?unit=${SYT.id}&sub=0&period=month&y=2025&n=5`, [
      drillScorecard,
      dossierPage(IndicatorDossiersQuery, 'indicatorDossiers', { ...drillVariables, first: 20 }, 0, 20, 150, 'p20'),
      exportPages(150, (paging, from, count, next) => dossierPage(IndicatorDossiersQuery, 'indicatorDossiers', { ...drillVariables, ...paging }, from, count, 150, next))[0]!,
      {
        request: { query: IndicatorDossiersQuery, variables: { ...drillVariables, first: EXPORT_PAGE_SIZE, after: `e${EXPORT_PAGE_SIZE}` } },
        result: { errors: [{ message: 'Forbidden', extensions: { classification: 'FORBIDDEN' } }] },
      },
    ]);
    await screen.findAllByTestId('dossier-row');
    const saved = captureDownloads();
    await userEvent.setup().click(screen.getByTestId('indicator-export-csv'));

    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn không có quyền thực hiện thao tác này.');
    expect(saved).toHaveLength(0);
  });
});
