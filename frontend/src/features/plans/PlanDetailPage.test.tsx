import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../app/AppRoutes';
import { staticAuth } from '../../lib/auth/staticAuth';
import { LocationProbe } from '../../test/LocationProbe';
import { renderWithProviders } from '../../test/render';
import { PlanApproveMutation } from './PlanLifecycleActions';
import { PlanDetailQuery } from './PlanDetailPage';
import { PlanListQuery } from './PlanListPage';
import { PlanStatisticsQuery } from './PlanStatisticsTab';
import { admin, CON_CUONG, lead, member, PLAN_ID, PLAN_NUMBER, planDetail, planRow, planStatistics, statistics } from './testFixtures';

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));

const detailMock = (plan = planDetail()) => ({
  request: { query: PlanDetailQuery, variables: { number: PLAN_NUMBER } },
  result: { data: { inspectionPlan: plan } },
});

const statisticsMock = (unitId: string | null = null, plan = planStatistics()) => ({
  request: { query: PlanStatisticsQuery, variables: { number: PLAN_NUMBER, unitId } },
  result: { data: { inspectionPlan: plan } },
});

const figures = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);

const page = (
  <>
    <AppRoutes />
    <LocationProbe />
  </>
);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('PlanDetailPage', () => {
  it('decodes the number from the URL and shows facts, checklist, targets and the team with its lead on the overview tab', async () => {
    renderWithProviders(page, { route: '/plans/2960%2FKH-TTCP', auth: staticAuth(member), mocks: repeatable([detailMock()]) });

    expect(await screen.findByRole('heading', { name: PLAN_NUMBER })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Tổng quan' })).toHaveAttribute('aria-selected', 'true');
    const facts = screen.getByTestId('plan-facts');
    expect(facts).toHaveTextContent('Thanh tra tỉnh Nghệ An');
    expect(facts).toHaveTextContent('01/03/2024');
    expect(facts).toHaveTextContent('01/01/2023 – 31/12/2023');
    expect(facts).toHaveTextContent('01/04/2024 – 30/04/2024');
    expect(facts).toHaveTextContent('30/06/2024');
    expect(screen.getByTestId('plan-status')).toHaveTextContent('Đang thanh tra');

    const checklist = within(screen.getByTestId('plan-checklist')).getAllByRole('listitem');
    expect(checklist.map((item) => item.textContent)).toEqual(['Công khai thủ tục hành chính', 'Giải quyết hồ sơ đúng hạn']);
    expect(screen.getByTestId('plan-targets')).toHaveTextContent('Ủy ban nhân dân huyện Con Cuông');

    const team = screen.getAllByTestId('plan-team-member');
    expect(team).toHaveLength(2);
    expect(within(team[0]!).getByTestId('plan-lead')).toHaveTextContent('Trưởng đoàn');
    expect(team[0]).toHaveTextContent('Nguyễn Văn An');
    expect(within(team[1]!).queryByTestId('plan-lead')).not.toBeInTheDocument();
    // A member who does not lead sees no lifecycle step.
    expect(screen.queryByTestId('plan-lifecycle')).not.toBeInTheDocument();
  });

  it('keeps the chosen tab in the URL and opens the tab the URL names', async () => {
    const user = userEvent.setup();
    renderWithProviders(page, {
      route: '/plans/2960%2FKH-TTCP',
      auth: staticAuth(member),
      mocks: repeatable([detailMock(), statisticsMock()]),
    });

    await user.click(await screen.findByRole('tab', { name: 'Số liệu' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/plans/2960%2FKH-TTCP?tab=statistics');
    expect(await screen.findByTestId('plan-statistics')).toBeInTheDocument();
    expect(screen.queryByTestId('plan-facts')).not.toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Tổng quan' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/plans\/2960%2FKH-TTCP$/);
    expect(screen.getByTestId('plan-facts')).toBeInTheDocument();
  });

  it('shows an unknown tab as the overview', async () => {
    renderWithProviders(page, { route: '/plans/2960%2FKH-TTCP?tab=nonsense', auth: staticAuth(member), mocks: repeatable([detailMock()]) });
    expect(await screen.findByTestId('plan-facts')).toBeInTheDocument();
  });

  it('follows a list link to the plan whose number holds a slash', async () => {
    const user = userEvent.setup();
    renderWithProviders(page, {
      route: '/plans',
      auth: staticAuth(member),
      mocks: repeatable([
        {
          request: { query: PlanListQuery, variables: { filter: {}, first: 20 } },
          result: {
            data: {
              inspectionPlans: {
                __typename: 'InspectionPlanConnection',
                totalCount: 1,
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c1' },
                nodes: [planRow()],
              },
            },
          },
        },
        detailMock(),
      ]),
    });

    expect(await screen.findByTestId('plan-new')).toHaveAttribute('href', '/plans/new');
    await user.click(await screen.findByRole('link', { name: PLAN_NUMBER }));
    expect(await screen.findByRole('heading', { name: PLAN_NUMBER })).toBeInTheDocument();
  });

  it('tells an administrator that plans are their teams\' only, without asking for any', async () => {
    renderWithProviders(page, { route: '/plans', auth: staticAuth(admin), mocks: [] });
    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn không có quyền thực hiện thao tác này.');
    expect(screen.queryByTestId('plan-new')).not.toBeInTheDocument();
  });

  it('says so when the plan is missing or not visible', async () => {
    renderWithProviders(page, {
      route: '/plans/2960%2FKH-TTCP',
      auth: staticAuth(member),
      mocks: repeatable([{ request: { query: PlanDetailQuery, variables: { number: PLAN_NUMBER } }, result: { data: { inspectionPlan: null } } }]),
    });
    expect(await screen.findByTestId('plan-not-found')).toHaveTextContent('Không tìm thấy kế hoạch 2960/KH-TTCP');
  });
});

describe('PlanDetailPage statistics tab', () => {
  it('shows per-unit figures with totals, outcome charts and the breakdowns by field, procedure and cause', async () => {
    renderWithProviders(page, {
      route: '/plans/2960%2FKH-TTCP?tab=statistics',
      auth: staticAuth(member),
      mocks: repeatable([detailMock(), statisticsMock()]),
    });

    const table = await screen.findByTestId('plan-statistics');
    const headers = within(table).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual([
      'Đơn vị',
      'Tiếp nhận trực tiếp',
      'Tiếp nhận trực tuyến',
      'Tiếp nhận qua bưu chính',
      'Kỳ trước chuyển sang',
      'Giải quyết đúng hạn',
      'Giải quyết quá hạn',
      'Quá hạn không có văn bản xin lỗi',
      'Từ chối',
      'Rút hồ sơ',
      'Đang giải quyết trong hạn',
      'Đang giải quyết quá hạn',
    ]);
    const rows = within(table).getAllByTestId('plan-statistics-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('Ủy ban nhân dân huyện Quỳ Hợp');
    expect(figures(rows[0]!)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(figures(rows[1]!)).toEqual(['1.001', '1.002', '1.003', '1.004', '1.005', '1.006', '1.007', '1.008', '1.009', '1.010', '1.011']);
    const totals = screen.getByTestId('plan-totals');
    expect(within(totals).getByRole('rowheader')).toHaveTextContent('Tổng cộng');
    expect(figures(totals)[0]).toBe('1.001');

    // One outcome bar per unit and one for the plan; each part carries its figure.
    const charts = screen.getAllByTestId('plan-outcome-chart');
    expect(charts).toHaveLength(3);
    const parts = within(charts[0]!).getAllByTestId('plan-outcome-chart-part');
    expect(parts.map((part) => [part.dataset.key, part.dataset.value])).toEqual([
      ['resolvedOnTime', '5'],
      ['resolvedLate', '6'],
      ['rejected', '8'],
      ['withdrawn', '9'],
      ['openWithinTime', '10'],
      ['openOverdue', '11'],
    ]);
    expect(parts[1]).toHaveTextContent('Giải quyết quá hạn: 6 (12,2%)');
    // Late share of Quỳ Hợp: (6 + 11) / (6 + 4) received and carried over.
    expect(screen.getAllByText('Tỷ lệ quá hạn: 170%')).toHaveLength(1);

    expect(within(screen.getByTestId('plan-statistics-by-field')).getAllByRole('columnheader')[0]).toHaveTextContent('Lĩnh vực');
    expect(within(screen.getByTestId('plan-statistics-by-procedure')).getAllByRole('columnheader')[0]).toHaveTextContent('Thủ tục hành chính');
    const byField = within(screen.getByTestId('plan-statistics-by-field')).getAllByTestId('plan-statistics-by-field-row');
    expect(byField.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Đất đai', 'Hộ tịch']);
    expect(figures(byField[1]!)[0]).toBe('21');
    const byProcedure = within(screen.getByTestId('plan-statistics-by-procedure')).getAllByTestId('plan-statistics-by-procedure-row');
    expect(within(byProcedure[0]!).getByRole('rowheader')).toHaveTextContent('1.004227 · Đăng ký khai sinh');

    const late = within(screen.getByTestId('plan-causes-late')).getAllByTestId('plan-causes-late-bar');
    expect(late.map((bar) => [bar.textContent])).toEqual([['Khác / chưa phân loại30'], ['Nhân lực12']]);
    expect(within(screen.getByTestId('plan-causes-rejected')).getByTestId('plan-causes-rejected-bar')).toHaveTextContent('Do người nộp hồ sơ5');
    const channels = within(screen.getByTestId('plan-channel-chart')).getAllByTestId('plan-channel-chart-bar');
    expect(channels.map((bar) => bar.dataset.value)).toEqual(['1001', '1002', '1003', '1004']);
  });

  it('narrows the breakdowns to the unit chosen and keeps it in the URL', async () => {
    const user = userEvent.setup();
    const unitStatistics = planStatistics({ statisticsByField: [{ ...statistics(null, 500), field: 'HEALTH' }], statisticsByProcedure: [], causes: [] });
    renderWithProviders(page, {
      route: '/plans/2960%2FKH-TTCP?tab=statistics',
      auth: staticAuth(member),
      mocks: repeatable([detailMock(), statisticsMock(), statisticsMock(CON_CUONG.id, unitStatistics)]),
    });

    await user.click(await screen.findByTestId('plan-statistics-unit'));
    await user.click(await screen.findByRole('option', { name: 'Ủy ban nhân dân huyện Con Cuông' }));

    expect(screen.getByTestId('location')).toHaveTextContent(`?tab=statistics&unit=${encodeURIComponent(CON_CUONG.id)}`);
    expect(await screen.findByText('Phân tích chi tiết: Ủy ban nhân dân huyện Con Cuông')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(screen.getByTestId('plan-statistics-by-field')).getByRole('rowheader')).toHaveTextContent('Y tế'),
    );
    expect(screen.getByText('Không có hồ sơ quá hạn hoặc bị từ chối.')).toBeInTheDocument();
    // The breakdown's channel figures are the unit's own.
    expect(within(screen.getByTestId('plan-channel-chart')).getAllByTestId('plan-channel-chart-bar')[0]).toHaveAttribute('data-value', '1001');
  });

  it('downloads the workbook with the bearer token and saves it under the name the server gives', async () => {
    const user = userEvent.setup();
    const fetchMock = vi.fn(async () =>
      new Response('xlsx bytes', { status: 200, headers: { 'Content-Disposition': "attachment; filename*=UTF-8''so-lieu-2960.xlsx" } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const createObjectURL = vi.fn(() => 'blob:workbook');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: string[] = [];
    vi.spyOn(HTMLElement.prototype, 'click').mockImplementation(function (this: HTMLElement) {
      if (this instanceof HTMLAnchorElement) clicked.push(`${this.download}|${this.getAttribute('href')}`);
    });

    renderWithProviders(page, {
      route: '/plans/2960%2FKH-TTCP?tab=statistics',
      auth: staticAuth(member, { getToken: async () => 'token-of-binh' }),
      mocks: repeatable([detailMock(), statisticsMock()]),
    });

    await user.click(await screen.findByTestId('plan-export-xlsx'));
    await waitFor(() => expect(clicked).toEqual(['so-lieu-2960.xlsx|blob:workbook']));
    expect(fetchMock).toHaveBeenCalledWith(`/api/inspection-plans/${PLAN_ID}/statistics?format=xlsx`, { headers: { Authorization: 'Bearer token-of-binh' } });

    fetchMock.mockResolvedValueOnce(new Response('', { status: 403 }));
    await user.click(screen.getByTestId('plan-export-csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn không có quyền');
    expect(fetchMock).toHaveBeenLastCalledWith(`/api/inspection-plans/${PLAN_ID}/statistics?format=csv`, { headers: { Authorization: 'Bearer token-of-binh' } });
  });

  it('explains the empty table when the period is not set and disables the download', async () => {
    renderWithProviders(page, {
      route: '/plans/2960%2FKH-TTCP?tab=statistics',
      auth: staticAuth(member),
      mocks: repeatable([
        detailMock(planDetail({ periodFrom: null, periodTo: null })),
        statisticsMock(null, planStatistics({ statistics: [], totals: null, statisticsByField: [], statisticsByProcedure: [], causes: [] })),
      ]),
    });
    expect(await screen.findByTestId('plan-statistics-empty')).toHaveTextContent('Chưa có số liệu');
    expect(screen.getByTestId('plan-export-xlsx')).toBeDisabled();
    expect(screen.queryByTestId('plan-outcome-charts')).not.toBeInTheDocument();
  });
});

describe('PlanDetailPage lifecycle', () => {
  const approveMock = (result: object) => ({
    request: { query: PlanApproveMutation, variables: { input: { planId: PLAN_ID, version: 4 } } },
    result: { data: { inspectionPlanApprove: { __typename: 'InspectionPlanPayload', ...result } } },
  });

  it('lets the lead approve a draft after confirming, and shows the new status', async () => {
    const user = userEvent.setup();
    renderWithProviders(page, {
      route: '/plans/2960%2FKH-TTCP',
      auth: staticAuth(lead),
      mocks: [...repeatable([detailMock(planDetail({ status: 'DRAFT' }))]), approveMock({ inspectionPlan: planDetail({ status: 'APPROVED', version: 5 }), userErrors: [] })],
    });

    await user.click(await screen.findByTestId('plan-approve'));
    expect(await screen.findByRole('dialog')).toHaveTextContent('Phê duyệt kế hoạch 2960/KH-TTCP?');
    await user.click(screen.getByTestId('plan-transition-confirm'));

    await waitFor(() => expect(screen.getByTestId('plan-status')).toHaveTextContent('Đã phê duyệt'));
    // the dialog closes with a transition: gone soon after the status changes, not necessarily at once
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByTestId('plan-start')).toBeInTheDocument();
  });

  it('keeps the dialog open with the server’s reasons when approval is refused', async () => {
    const user = userEvent.setup();
    renderWithProviders(page, {
      route: '/plans/2960%2FKH-TTCP',
      auth: staticAuth(lead),
      mocks: [
        ...repeatable([detailMock(planDetail({ status: 'DRAFT' }))]),
        approveMock({
          inspectionPlan: null,
          userErrors: [
            { __typename: 'UserError', field: ['input', 'planId'], code: 'NO_TARGETS', message: 'The plan needs at least one target unit.' },
            { __typename: 'UserError', field: null, code: 'CONCURRENT_MODIFICATION', message: 'stale' },
          ],
        }),
      ],
    });

    await user.click(await screen.findByTestId('plan-approve'));
    await user.click(await screen.findByTestId('plan-transition-confirm'));

    const errors = await screen.findByTestId('plan-transition-errors');
    expect(errors).toHaveTextContent('The plan needs at least one target unit.');
    expect(errors).toHaveTextContent('Người khác vừa thay đổi dữ liệu này');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(screen.getByTestId('plan-status')).toHaveTextContent('Dự thảo');
  });

  it.each([
    ['APPROVED', 'plan-start'],
    ['CONCLUDED', 'plan-follow-up'],
    ['FOLLOW_UP', 'plan-close'],
  ] as const)('offers the lead the next step of a %s plan', async (status, testId) => {
    renderWithProviders(page, { route: '/plans/2960%2FKH-TTCP', auth: staticAuth(lead), mocks: repeatable([detailMock(planDetail({ status }))]) });
    expect(await screen.findByTestId(testId)).toBeInTheDocument();
  });

  it('offers no step on a closed plan', async () => {
    renderWithProviders(page, { route: '/plans/2960%2FKH-TTCP', auth: staticAuth(lead), mocks: repeatable([detailMock(planDetail({ status: 'CLOSED' }))]) });
    expect(await screen.findByTestId('plan-facts')).toBeInTheDocument();
    expect(screen.queryByTestId('plan-lifecycle')).not.toBeInTheDocument();
  });
});
