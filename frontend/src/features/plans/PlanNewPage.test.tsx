import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../app/AppRoutes';
import { UnitSelectTreeQuery } from '../../components/UnitSelect';
import { staticAuth } from '../../lib/auth/staticAuth';
import { todayInVietnam } from '../../lib/format';
import { LocationProbe } from '../../test/LocationProbe';
import { renderWithProviders } from '../../test/render';
import { PlanCreateMutation, PlanSetTargetsMutation, PlanSetTeamMutation, PlanWizardApproveMutation } from './PlanNewPage';
import { INSPECTORATE, lead, QUY_HOP } from './testFixtures';
import { PlanUnitOfficialsQuery } from './unitOfficials';
import { PlanDetailQuery } from './PlanDetailPage';

const NEW_NUMBER = '15/KH-TTr';
const NEW_ID = 'SW5zcGVjdGlvblBsYW46OQ==';
const JUSTICE = { __typename: 'Unit' as const, id: 'VW5pdDo3', code: 'NA-STP', name: 'Sở Tư pháp' };

/** Many form interactions: give a busy build machine time. */
const SLOW = 45_000;

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));

const tree = (units: object[]) => ({ data: { unitTree: units.map((unit, index) => ({ __typename: 'UnitTreeEntry', depth: index === 0 ? 0 : 1, unit })) } });
/** Today's tree (for the team) and the tree at the end of the period (for the targets: Quỳ Hợp district still existed then). */
const treeMock = { request: { query: UnitSelectTreeQuery, variables: { asOf: todayInVietnam() } }, result: tree([INSPECTORATE, JUSTICE]) };
const periodTreeMock = { request: { query: UnitSelectTreeQuery, variables: { asOf: '2024-12-31' } }, result: tree([INSPECTORATE, QUY_HOP, JUSTICE]) };

const official = (id: string, fullName: string, idpUsername: string | null) => ({
  __typename: 'Official',
  id,
  fullName,
  position: 'Thanh tra viên',
  idpUsername,
});

const officialsMock = (unit: { id: string }, officials: object[]) => ({
  request: { query: PlanUnitOfficialsQuery, variables: { unitId: unit.id } },
  result: { data: { node: { __typename: 'Unit', id: unit.id, officials } } },
});

const AN = official('T2ZmOjE=', 'Nguyễn Văn An', lead.username);
const HOA = official('T2ZmOjM=', 'Trần Thị Hoa', 'inspector.hoa');
const LAN = official('T2ZmOjg=', 'Phạm Thị Lan', null);

const baseMocks = repeatable([treeMock, periodTreeMock, officialsMock(INSPECTORATE, [AN, HOA]), officialsMock(JUSTICE, [LAN])]);

const planPayload = (field: string, version: number, status = 'DRAFT') => ({
  data: {
    [field]: {
      __typename: 'InspectionPlanPayload',
      inspectionPlan: { __typename: 'InspectionPlan', id: NEW_ID, number: NEW_NUMBER, version, status },
      userErrors: [],
    },
  },
});

const refused = (field: string, userErrors: object[]) => ({
  data: { [field]: { __typename: 'InspectionPlanPayload', inspectionPlan: null, userErrors: userErrors.map((e) => ({ __typename: 'UserError', ...e })) } },
});

const CHECKLIST_2960 = [
  'Trách nhiệm quản lý nhà nước về kiểm soát thủ tục hành chính',
  'Công khai thủ tục hành chính',
  'Tổ chức và hoạt động của Bộ phận Một cửa',
  'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  'Cung cấp và giải quyết thủ tục hành chính trực tuyến',
  'Tiếp nhận, giải quyết hồ sơ trực tiếp và trực tuyến',
  'Hồ sơ quá hạn, hồ sơ bị từ chối và nguyên nhân',
  'Việc thực thi công vụ của cán bộ, công chức',
];

const createVariables = {
  input: {
    number: NEW_NUMBER,
    title: 'Thanh tra công vụ năm 2025',
    issuingAuthority: 'Thanh tra tỉnh Nghệ An',
    checklist: [...CHECKLIST_2960.slice(1), 'Giải quyết phản ánh, kiến nghị'],
    issueDate: todayInVietnam(),
    periodFrom: '2024-01-01',
    periodTo: '2024-12-31',
    fieldworkFrom: '2025-03-01',
    fieldworkTo: '2025-03-31',
  },
};

const page = (
  <>
    <AppRoutes />
    <LocationProbe />
  </>
);

async function fillHeader(user: ReturnType<typeof userEvent.setup>) {
  fireEvent.change(screen.getByTestId('wizard-number'), { target: { value: NEW_NUMBER } });
  fireEvent.change(screen.getByTestId('wizard-title'), { target: { value: 'Thanh tra công vụ năm 2025' } });
  fireEvent.change(screen.getByTestId('wizard-periodFrom'), { target: { value: '2024-01-01' } });
  fireEvent.change(screen.getByTestId('wizard-periodTo'), { target: { value: '2024-12-31' } });
  fireEvent.change(screen.getByTestId('wizard-fieldworkFrom'), { target: { value: '2025-03-01' } });
  fireEvent.change(screen.getByTestId('wizard-fieldworkTo'), { target: { value: '2025-03-31' } });
  // Edit the suggested checklist: drop the first item, add one of our own.
  await user.click(screen.getAllByTestId('wizard-checklist-remove')[0]!);
  await user.click(screen.getByTestId('wizard-checklist-add'));
  const items = screen.getAllByTestId('wizard-checklist-text');
  fireEvent.change(items[items.length - 1]!, { target: { value: 'Giải quyết phản ánh, kiến nghị' } });
}

async function chooseTarget(user: ReturnType<typeof userEvent.setup>) {
  // Diacritics are optional: "quy hop" finds "Quỳ Hợp".
  await waitFor(() => expect(screen.getByTestId('wizard-target-select')).toBeEnabled());
  await user.type(screen.getByTestId('wizard-target-select'), 'quy hop');
  await user.click(await screen.findByRole('option', { name: /Quỳ Hợp/ }));
}

async function addJusticeMember(user: ReturnType<typeof userEvent.setup>) {
  await waitFor(() => expect(screen.getByTestId('wizard-team-unit')).toBeEnabled());
  await user.type(screen.getByTestId('wizard-team-unit'), 'tu phap');
  await user.click(await screen.findByRole('option', { name: /Sở Tư pháp/ }));
  await waitFor(() => expect(screen.getByTestId('wizard-team-official')).toBeEnabled());
  await user.click(screen.getByTestId('wizard-team-official'));
  await user.click(await screen.findByRole('option', { name: /Phạm Thị Lan/ }));
  await user.click(screen.getByTestId('wizard-team-add'));
}

describe('PlanNewPage', () => {
  it('is refused to an administrator: only inspectors create plans', async () => {
    renderWithProviders(page, { route: '/plans/new', auth: staticAuth({ username: 'admin', displayName: 'Lê Minh Quân', roles: ['admin'] }), mocks: baseMocks });
    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn không có quyền');
    expect(screen.queryByTestId('wizard-next')).not.toBeInTheDocument();
  });

  it('suggests Plan 2960’s contents and refuses to go on without number, title and period, saying so next to each field', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(page, { route: '/plans/new', auth: staticAuth(lead), mocks: baseMocks });

    const items = await screen.findAllByTestId('wizard-checklist-text');
    expect(items.map((item) => (item as HTMLTextAreaElement).value)).toEqual(CHECKLIST_2960);
    expect(screen.getByTestId('wizard-issuingAuthority')).toHaveValue('Thanh tra tỉnh Nghệ An');

    await user.click(screen.getByTestId('wizard-next'));
    expect(screen.getByTestId('wizard-number')).toHaveAccessibleDescription(/Vui lòng nhập số kế hoạch\./);
    expect(screen.getByTestId('wizard-title')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('wizard-periodFrom')).toHaveAccessibleDescription(/cần có để phê duyệt/);

    fireEvent.change(screen.getByTestId('wizard-periodFrom'), { target: { value: '2024-12-31' } });
    fireEvent.change(screen.getByTestId('wizard-periodTo'), { target: { value: '2024-01-01' } });
    await user.click(screen.getByTestId('wizard-next'));
    expect(screen.getByTestId('wizard-periodTo')).toHaveAccessibleDescription(/Ngày kết thúc phải từ ngày bắt đầu trở đi\./);
    // Still on the first step.
    expect(screen.getByTestId('wizard-number')).toBeInTheDocument();
  }, SLOW);

  it('needs a target unit and exactly one lead before the review', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(page, { route: '/plans/new', auth: staticAuth(lead), mocks: baseMocks });
    await screen.findAllByTestId('wizard-checklist-text');
    await fillHeader(user);
    await user.click(screen.getByTestId('wizard-next'));

    await user.click(await screen.findByTestId('wizard-next'));
    expect(screen.getByTestId('wizard-target-select')).toHaveAccessibleDescription(/ít nhất một đơn vị/);
    await chooseTarget(user);
    expect(screen.getByTestId('wizard-targets')).toHaveTextContent('Ủy ban nhân dân huyện Quỳ Hợp');
    await user.click(screen.getByTestId('wizard-next'));

    // The caller is offered as lead from their own unit.
    const members = await screen.findAllByTestId('wizard-team-member');
    expect(members).toHaveLength(1);
    expect(members[0]).toHaveTextContent('Nguyễn Văn An · Thanh tra tỉnh Nghệ An');
    await user.click(within(members[0]!).getByTestId('wizard-team-remove'));
    await user.click(screen.getByTestId('wizard-next'));
    expect(screen.getByTestId('wizard-team-error')).toHaveTextContent('Vui lòng thêm thành viên đoàn thanh tra.');
  }, SLOW);

  it('creates the plan, sets targets and team with the versions each step returns, approves it for its lead and opens it', async () => {
    const user = userEvent.setup({ delay: null });
    const sent = vi.fn();
    renderWithProviders(page, {
      route: '/plans/new',
      auth: staticAuth(lead),
      mocks: [
        ...baseMocks,
        { request: { query: PlanCreateMutation, variables: createVariables }, result: () => (sent('create'), planPayload('inspectionPlanCreate', 1)) },
        {
          request: { query: PlanSetTargetsMutation, variables: { input: { planId: NEW_ID, version: 1, unitIds: [QUY_HOP.id] } } },
          result: () => (sent('targets'), planPayload('inspectionPlanSetTargets', 2)),
        },
        {
          request: {
            query: PlanSetTeamMutation,
            variables: {
              input: {
                planId: NEW_ID,
                version: 2,
                members: [
                  { officialId: AN.id, role: 'LEAD' },
                  { officialId: LAN.id, role: 'MEMBER' },
                ],
              },
            },
          },
          result: () => (sent('team'), planPayload('inspectionPlanSetTeam', 3)),
        },
        {
          request: { query: PlanWizardApproveMutation, variables: { input: { planId: NEW_ID, version: 3 } } },
          result: () => (sent('approve'), planPayload('inspectionPlanApprove', 4, 'APPROVED')),
        },
        ...repeatable([{ request: { query: PlanDetailQuery, variables: { number: NEW_NUMBER } }, result: { data: { inspectionPlan: null } } }]),
      ],
    });
    await screen.findAllByTestId('wizard-checklist-text');
    await fillHeader(user);
    await user.click(screen.getByTestId('wizard-next'));
    await chooseTarget(user);
    await user.click(screen.getByTestId('wizard-next'));
    await screen.findAllByTestId('wizard-team-member');
    await addJusticeMember(user);
    expect(screen.getAllByTestId('wizard-team-member')).toHaveLength(2);
    await user.click(screen.getByTestId('wizard-next'));

    const review = await screen.findByTestId('wizard-review');
    expect(review).toHaveTextContent(NEW_NUMBER);
    expect(screen.getByTestId('wizard-review-targets')).toHaveTextContent('Ủy ban nhân dân huyện Quỳ Hợp');
    expect(screen.getByTestId('wizard-review-team')).toHaveTextContent('Nguyễn Văn An · Thanh tra tỉnh Nghệ An (Trưởng đoàn)');
    expect(screen.getByTestId('wizard-approve')).toBeChecked();
    expect(screen.getByTestId('wizard-create')).toHaveTextContent('Tạo và phê duyệt');

    await user.click(screen.getByTestId('wizard-create'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/plans/15%2FKH-TTr'));
    expect(sent.mock.calls.map(([step]) => step)).toEqual(['create', 'targets', 'team', 'approve']);
  }, SLOW);

  it('shows a duplicate number next to the number field, and after a later refusal continues without creating the plan twice', async () => {
    const user = userEvent.setup({ delay: null });
    const created = vi.fn();
    renderWithProviders(page, {
      route: '/plans/new',
      auth: staticAuth(lead),
      mocks: [
        ...baseMocks,
        {
          request: { query: PlanCreateMutation, variables: createVariables },
          result: refused('inspectionPlanCreate', [{ field: ['input', 'number'], code: 'DUPLICATE', message: 'number taken' }]),
        },
        { request: { query: PlanCreateMutation, variables: createVariables }, result: () => (created(), planPayload('inspectionPlanCreate', 1)) },
        {
          request: { query: PlanSetTargetsMutation, variables: { input: { planId: NEW_ID, version: 1, unitIds: [QUY_HOP.id] } } },
          result: planPayload('inspectionPlanSetTargets', 2),
        },
        {
          request: { query: PlanSetTeamMutation, variables: { input: { planId: NEW_ID, version: 2, members: [{ officialId: AN.id, role: 'LEAD' }] } } },
          result: refused('inspectionPlanSetTeam', [
            { field: ['input', 'members', '0', 'officialId'], code: 'NOT_FOUND', message: 'no such official' },
          ]),
        },
        {
          request: { query: PlanSetTeamMutation, variables: { input: { planId: NEW_ID, version: 2, members: [{ officialId: AN.id, role: 'LEAD' }] } } },
          result: planPayload('inspectionPlanSetTeam', 3),
        },
        {
          request: { query: PlanWizardApproveMutation, variables: { input: { planId: NEW_ID, version: 3 } } },
          result: planPayload('inspectionPlanApprove', 4, 'APPROVED'),
        },
        ...repeatable([{ request: { query: PlanDetailQuery, variables: { number: NEW_NUMBER } }, result: { data: { inspectionPlan: null } } }]),
      ],
    });
    await screen.findAllByTestId('wizard-checklist-text');
    await fillHeader(user);
    await user.click(screen.getByTestId('wizard-next'));
    await chooseTarget(user);
    await user.click(screen.getByTestId('wizard-next'));
    await screen.findAllByTestId('wizard-team-member');
    await user.click(screen.getByTestId('wizard-next'));
    await user.click(await screen.findByTestId('wizard-create'));

    // Back on the first step, the message next to the number.
    await waitFor(() => expect(screen.getByTestId('wizard-number')).toHaveAccessibleDescription(/Số kế hoạch này đã tồn tại/));
    expect(created).not.toHaveBeenCalled();

    for (let step = 0; step < 3; step += 1) await user.click(screen.getByTestId('wizard-next'));
    await user.click(await screen.findByTestId('wizard-create'));
    // The team was refused: shown on the team step, the plan exists as a draft.
    expect(await screen.findByTestId('wizard-team-error')).toHaveTextContent('Không tìm thấy đối tượng được chọn');
    expect(screen.getByTestId('wizard-created')).toHaveTextContent('Kế hoạch 15/KH-TTr đã được tạo ở dạng dự thảo');
    expect(created).toHaveBeenCalledTimes(1);

    await user.click(screen.getByTestId('wizard-next'));
    expect(screen.getByTestId('wizard-create')).toHaveTextContent('Lưu tiếp');
    await user.click(screen.getByTestId('wizard-create'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/plans/15%2FKH-TTr'));
    expect(created).toHaveBeenCalledTimes(1);
  }, SLOW);
});
