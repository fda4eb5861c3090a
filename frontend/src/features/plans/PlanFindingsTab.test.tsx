import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../app/AppRoutes';
import { UnitSelectTreeQuery } from '../../components/UnitSelect';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders } from '../../test/render';
import { EvidenceDossierQuery, EvidenceProceduresQuery } from './EvidencePicker';
import { FindingRecordMutation } from './FindingRecordForm';
import { PlanDetailQuery } from './PlanDetailPage';
import { PlanFindingsQuery } from './PlanFindingsTab';
import { PlanSamplesQuery } from './PlanSamplesTab';
import { outsider, finding, INSPECTORATE, member, PLAN_ID, PLAN_NUMBER, planDetail, QUY_HOP, sample } from './testFixtures';
import { PlanUnitOfficialsQuery } from './unitOfficials';

/** Many form interactions: give a busy build machine time. */
const SLOW = 45_000;

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));
const detailMock = (plan = planDetail()) => ({ request: { query: PlanDetailQuery, variables: { number: PLAN_NUMBER } }, result: { data: { inspectionPlan: plan } } });
const findingsResult = (findings: object[], overdue = 0) => ({
  data: { inspectionPlan: { __typename: 'InspectionPlan', id: PLAN_ID, overdueRecommendationCount: overdue, findings } },
});

const formMocks = repeatable([
  detailMock(),
  {
    request: { query: UnitSelectTreeQuery, variables: { asOf: '2023-12-31' } },
    result: { data: { unitTree: [INSPECTORATE, QUY_HOP].map((unit, depth) => ({ __typename: 'UnitTreeEntry', depth, unit })) } },
  },
  {
    request: { query: PlanUnitOfficialsQuery, variables: { unitId: QUY_HOP.id } },
    result: {
      data: {
        node: {
          __typename: 'Unit',
          id: QUY_HOP.id,
          officials: [{ __typename: 'Official', id: 'T2ZmOjc=', fullName: 'Lê Văn Hùng', position: 'Chánh Văn phòng', idpUsername: null }],
        },
      },
    },
  },
  { request: { query: PlanSamplesQuery, variables: { number: PLAN_NUMBER } }, result: { data: { inspectionPlan: { __typename: 'InspectionPlan', id: PLAN_ID, samples: [sample()] } } } },
  { request: { query: EvidenceDossierQuery, variables: { code: 'NA-QUYHOP-000' } }, result: { data: { dossier: null } } },
  {
    request: { query: EvidenceDossierQuery, variables: { code: 'NA-QUYHOP-230415-000123' } },
    result: {
      data: {
        dossier: {
          __typename: 'Dossier',
          id: 'RG9zc2llcjox',
          receiptCode: 'NA-QUYHOP-230415-000123',
          procedure: { __typename: 'Procedure', id: 'UHJvYzox', name: 'Đăng ký khai sinh' },
          unit: { __typename: 'Unit', id: QUY_HOP.id, name: QUY_HOP.name },
        },
      },
    },
  },
  {
    request: { query: EvidenceProceduresQuery, variables: { text: 'khai sinh' } },
    result: {
      data: {
        procedures: {
          __typename: 'ProcedureConnection',
          nodes: [{ __typename: 'Procedure', id: 'UHJvYzoy', nationalCode: '1.001193', name: 'Đăng ký khai sinh có yếu tố nước ngoài' }],
        },
      },
    },
  },
]);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PlanFindingsTab', () => {
  it('lists findings with category, severity, unit, recommendation state and overdue badge, each linking to its page', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/plans/2960%2FKH-TTCP?tab=findings',
      auth: staticAuth(outsider),
      mocks: repeatable([
        detailMock(planDetail({ status: 'FOLLOW_UP' })),
        {
          request: { query: PlanFindingsQuery, variables: { number: PLAN_NUMBER } },
          result: findingsResult(
            [
              finding({ overdue: true, recommendationStatus: 'IN_REMEDIATION', severity: 'SERIOUS' }),
              finding({ id: 'RmluZGluZzoy', number: 2, status: 'WITHDRAWN', category: 'DIGITISATION_GAP' }),
            ],
            1,
          ),
        },
      ]),
    });

    await screen.findAllByTestId('finding-row');
    fireEvent.click(screen.getByTestId('findings-include-withdrawn'));
    const rows = screen.getAllByTestId('finding-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: 'Phát hiện 1' })).toHaveAttribute('href', '/findings/RmluZGluZzox');
    expect(rows[0]).toHaveTextContent('Giải quyết hồ sơ quá hạn');
    expect(rows[0]).toHaveTextContent('Nghiêm trọng');
    expect(rows[0]).toHaveTextContent('Ủy ban nhân dân huyện Quỳ Hợp');
    expect(rows[0]).toHaveTextContent('Đang khắc phục');
    expect(within(rows[0]!).getByTestId('finding-overdue')).toHaveTextContent('Quá hạn');
    expect(rows[0]).toHaveTextContent('30/09/2024');
    expect(within(rows[1]!).getByTestId('finding-withdrawn')).toHaveTextContent('Đã rút');
    expect(within(rows[1]!).queryByTestId('finding-overdue')).not.toBeInTheDocument();
    expect(screen.getByTestId('findings-overdue-count')).toHaveTextContent('1 kiến nghị quá hạn');
    // Not on the team: no recording.
    expect(screen.queryByTestId('finding-new')).not.toBeInTheDocument();
  });

  it('records a finding with a dossier, a procedure, a sample item and an uploaded document as evidence', async () => {
    const user = userEvent.setup({ delay: null });
    const upload = vi.fn(async () => new Response(JSON.stringify({ id: 'RG9jOjE=', fileName: 'bien-ban.pdf' }), { status: 201 }));
    vi.stubGlobal('fetch', upload);
    let findings: object[] = [];
    renderWithProviders(<AppRoutes />, {
      route: '/plans/2960%2FKH-TTCP?tab=findings',
      auth: staticAuth(member, { getToken: async () => 'token-of-binh' }),
      mocks: [
        ...formMocks,
        ...repeatable([{ request: { query: PlanFindingsQuery, variables: { number: PLAN_NUMBER } }, result: () => findingsResult(findings) }]),
        {
          request: {
            query: FindingRecordMutation,
            variables: {
              input: {
                planId: PLAN_ID,
                unitId: QUY_HOP.id,
                category: 'MISSING_APOLOGY',
                severity: 'MODERATE',
                description: 'Hồ sơ quá hạn không có văn bản xin lỗi.',
                responsibleOfficialIds: ['T2ZmOjc='],
                evidence: [
                  { kind: 'DOSSIER', dossierId: 'RG9zc2llcjox', note: 'Quá hạn 12 ngày' },
                  { kind: 'PROCEDURE', procedureId: 'UHJvYzoy' },
                  { kind: 'SAMPLE_ITEM', sampleId: sample().id, sampleOrdinal: 2 },
                  { kind: 'DOCUMENT', documentId: 'RG9jOjE=' },
                ],
                recommendation: 'Gửi văn bản xin lỗi.',
                remediationDeadline: '2099-12-31',
              },
            },
          },
          result: () => {
            findings = [finding({ category: 'MISSING_APOLOGY' })];
            return { data: { findingRecord: { __typename: 'FindingPayload', finding: findings[0], userErrors: [] } } };
          },
        },
      ],
    });

    expect(await screen.findByTestId('findings-empty')).toBeInTheDocument();
    await user.click(screen.getByTestId('finding-new'));
    await user.click(screen.getByTestId('finding-record'));
    expect(screen.getByTestId('finding-description')).toHaveAccessibleDescription(/Vui lòng mô tả phát hiện\./);
    expect(screen.getByTestId('finding-deadline')).toHaveAccessibleDescription(/Vui lòng nhập thời hạn khắc phục\./);
    expect(screen.getByTestId('evidence-error')).toHaveTextContent('Vui lòng thêm ít nhất một bằng chứng.');

    await waitFor(() => expect(screen.getByTestId('finding-unit')).toBeEnabled());
    await user.type(screen.getByTestId('finding-unit'), 'quy hop');
    await user.click(await screen.findByRole('option', { name: /Quỳ Hợp/ }));
    await waitFor(() => expect(screen.getByTestId('finding-officials')).toBeEnabled());
    await user.click(screen.getByTestId('finding-officials'));
    await user.click(await screen.findByRole('option', { name: /Lê Văn Hùng/ }));
    await user.click(screen.getByTestId('finding-category'));
    await user.click(await screen.findByRole('option', { name: 'Không có văn bản xin lỗi khi quá hạn' }));
    await user.click(screen.getByTestId('finding-severity'));
    await user.click(await screen.findByRole('option', { name: 'Trung bình' }));
    fireEvent.change(screen.getByTestId('finding-description'), { target: { value: 'Hồ sơ quá hạn không có văn bản xin lỗi.' } });

    // A dossier by its receipt code: an unknown code is said so, a known one is added with its note.
    await user.type(screen.getByTestId('evidence-dossier-code'), 'na-quyhop-000');
    await user.click(screen.getByTestId('evidence-dossier-add'));
    expect(await screen.findByText('Không tìm thấy hồ sơ NA-QUYHOP-000.')).toBeInTheDocument();
    await user.clear(screen.getByTestId('evidence-dossier-code'));
    await user.type(screen.getByTestId('evidence-note'), 'Quá hạn 12 ngày');
    await user.type(screen.getByTestId('evidence-dossier-code'), 'NA-QUYHOP-230415-000123{Enter}');
    expect(await screen.findByTestId('evidence-item')).toHaveTextContent('NA-QUYHOP-230415-000123 · Đăng ký khai sinh');
    expect(screen.getByTestId('evidence-item')).toHaveTextContent('Quá hạn 12 ngày');

    // A procedure found by name without diacritics on the server.
    await user.click(screen.getByRole('radio', { name: 'Thủ tục' }));
    await user.type(screen.getByTestId('evidence-procedure-search'), 'khai sinh');
    await user.click(await screen.findByTestId('evidence-procedure-option'));

    // An item of one of the plan's samples.
    await user.click(screen.getByRole('radio', { name: 'Hồ sơ trong mẫu' }));
    await user.click(await screen.findByTestId('evidence-sample'));
    await user.click(await screen.findByRole('option', { name: 'Hồ sơ trễ hạn Quỳ Hợp' }));
    await user.click(screen.getByTestId('evidence-sample-item'));
    await user.click(await screen.findByRole('option', { name: '2. NA-QUYHOP-230415-000122' }));
    await user.click(screen.getByTestId('evidence-sample-add'));

    // A document uploaded with the bearer token.
    await user.click(screen.getByRole('radio', { name: 'Tài liệu' }));
    const file = new File(['%PDF'], 'bien-ban.pdf', { type: 'application/pdf' });
    await user.upload(document.querySelector('input[type="file"]') as HTMLInputElement, file);
    await user.click(screen.getByTestId('evidence-document-upload'));
    await waitFor(() => expect(screen.getAllByTestId('evidence-item')).toHaveLength(4));
    const [url, init] = upload.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/evidence-documents');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ Authorization: 'Bearer token-of-binh' });
    expect((init.body as FormData).get('file')).toBeInstanceOf(File);
    expect(screen.getAllByTestId('evidence-item').map((item) => item.textContent)).toEqual([
      expect.stringContaining('NA-QUYHOP-230415-000123'),
      expect.stringContaining('1.001193 · Đăng ký khai sinh có yếu tố nước ngoài'),
      expect.stringContaining('Hồ sơ trễ hạn Quỳ Hợp #2 · NA-QUYHOP-230415-000122'),
      expect.stringContaining('bien-ban.pdf'),
    ]);

    fireEvent.change(screen.getByTestId('finding-recommendation'), { target: { value: 'Gửi văn bản xin lỗi.' } });
    fireEvent.change(screen.getByTestId('finding-deadline'), { target: { value: '2099-12-31' } });
    await user.click(screen.getByTestId('finding-record'));

    expect(await screen.findByTestId('finding-recorded')).toHaveTextContent('Đã ghi nhận phát hiện số 1.');
    expect(screen.queryByTestId('finding-form')).not.toBeInTheDocument();
    expect(await screen.findByTestId('finding-row')).toHaveTextContent('Không có văn bản xin lỗi khi quá hạn');
  }, SLOW);

  it('puts the server’s userErrors next to the field and the piece of evidence they name', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<AppRoutes />, {
      route: '/plans/2960%2FKH-TTCP?tab=findings',
      auth: staticAuth(member),
      mocks: [
        ...formMocks,
        ...repeatable([{ request: { query: PlanFindingsQuery, variables: { number: PLAN_NUMBER } }, result: findingsResult([]) }]),
        {
          request: { query: FindingRecordMutation, variables: () => true },
          result: {
            data: {
              findingRecord: {
                __typename: 'FindingPayload',
                finding: null,
                userErrors: [
                  { __typename: 'UserError', field: ['input', 'evidence', '0', 'dossierId'], code: 'NOT_IN_PLAN', message: 'The dossier is not among the plan’s targets.' },
                  { __typename: 'UserError', field: ['input', 'remediationDeadline'], code: 'INVALID', message: 'must be after today' },
                  { __typename: 'UserError', field: null, code: 'TRANSITION_NOT_ALLOWED', message: 'not in progress' },
                ],
              },
            },
          },
        },
      ],
    });

    await user.click(await screen.findByTestId('finding-new'));
    await waitFor(() => expect(screen.getByTestId('finding-unit')).toBeEnabled());
    await user.type(screen.getByTestId('finding-unit'), 'quy hop');
    await user.click(await screen.findByRole('option', { name: /Quỳ Hợp/ }));
    await user.click(screen.getByTestId('finding-category'));
    await user.click(await screen.findByRole('option', { name: 'Giải quyết hồ sơ quá hạn' }));
    await user.click(screen.getByTestId('finding-severity'));
    await user.click(await screen.findByRole('option', { name: 'Nhẹ' }));
    fireEvent.change(screen.getByTestId('finding-description'), { target: { value: 'Quá hạn.' } });
    await user.type(screen.getByTestId('evidence-dossier-code'), 'NA-QUYHOP-230415-000123{Enter}');
    await screen.findByTestId('evidence-item');
    fireEvent.change(screen.getByTestId('finding-recommendation'), { target: { value: 'Khắc phục.' } });
    fireEvent.change(screen.getByTestId('finding-deadline'), { target: { value: '2099-12-31' } });
    await user.click(screen.getByTestId('finding-record'));

    expect(await screen.findByTestId('evidence-item-error')).toHaveTextContent('The dossier is not among the plan’s targets.');
    expect(screen.getByTestId('finding-deadline')).toHaveAccessibleDescription(/Thời hạn khắc phục phải sau ngày hôm nay\./);
    expect(screen.getByTestId('finding-form-errors')).toHaveTextContent('Kế hoạch đang ở trạng thái không cho phép thao tác này');
    expect(screen.getByTestId('finding-form')).toBeInTheDocument();
  }, SLOW);
});
