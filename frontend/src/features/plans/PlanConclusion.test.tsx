import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../app/AppRoutes';
import { staticAuth } from '../../lib/auth/staticAuth';
import { LocationProbe } from '../../test/LocationProbe';
import { renderWithProviders } from '../../test/render';
import { PlanConclusionQuery } from './conclusionData';
import { PlanConcludeMutation } from './PlanConclusionTab';
import { PlanDetailQuery } from './PlanDetailPage';
import { conclusionPlan, lead, member, PLAN_ID, PLAN_NUMBER, planDetail, QUY_HOP, statistics } from './testFixtures';

/** Many form interactions: give a busy build machine time. */
const SLOW = 45_000;

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));
const detailMock = (plan = planDetail()) => ({ request: { query: PlanDetailQuery, variables: { number: PLAN_NUMBER } }, result: { data: { inspectionPlan: plan } } });
const conclusionMock = (plan = conclusionPlan()) => ({
  request: { query: PlanConclusionQuery, variables: { number: PLAN_NUMBER } },
  result: { data: { inspectionPlan: plan } },
});

const ISSUED = conclusionPlan({
  status: 'CONCLUDED',
  conclusion: {
    __typename: 'InspectionConclusion',
    summary: 'Các đơn vị cơ bản thực hiện đúng quy định; còn hồ sơ quá hạn.',
    issuedAt: '2024-05-20T02:00:00Z',
    issuedBy: 'Nguyễn Văn An',
    statistics: [statistics(QUY_HOP, 7)],
    totals: statistics(null, 7),
  } as ReturnType<typeof conclusionPlan>['conclusion'],
});

const page = (
  <>
    <AppRoutes />
    <LocationProbe />
  </>
);

describe('Conclusion tab', () => {
  it('previews a draft from the live figures and the recorded findings, leaving withdrawn ones out', async () => {
    renderWithProviders(page, {
      route: '/plans/2960%2FKH-TTCP?tab=conclusion',
      auth: staticAuth(member),
      mocks: repeatable([detailMock(), conclusionMock()]),
    });

    const document = await screen.findByTestId('conclusion-document');
    expect(within(document).getByTestId('conclusion-draft')).toHaveTextContent('DỰ THẢO');
    expect(document).toHaveTextContent('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(document).toHaveTextContent('Kế hoạch số: 2960/KH-TTCP');
    expect(within(document).getByTestId('conclusion-subject')).toHaveTextContent('Thời kỳ thanh tra: từ 01/01/2023 đến 31/12/2023');
    const rows = within(document).getAllByTestId('conclusion-figures-row');
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['6', '4', '5', '6', '7', '8', '9', '10', '11'],
      ['3.006', '1.004', '1.005', '1.006', '1.007', '1.008', '1.009', '1.010', '1.011'],
    ]);
    expect(within(document).getByTestId('conclusion-totals')).toHaveTextContent('Tổng cộng3.006');
    const findings = within(document).getAllByTestId('conclusion-finding');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toHaveTextContent('Phát hiện 1. Giải quyết hồ sơ quá hạn (Trung bình).');
    expect(findings[0]).toHaveTextContent('Trách nhiệm: Lê Văn Hùng.');
    expect(findings[0]).toHaveTextContent('Kiến nghị: Rà soát quy trình, gửi văn bản xin lỗi người dân.');
    expect(findings[0]).toHaveTextContent('Thời hạn khắc phục: 30/09/2024.');
    expect(document).not.toHaveTextContent('Phát hiện đã rút');
    // Only the lead issues the conclusion.
    expect(screen.queryByTestId('plan-conclude')).not.toBeInTheDocument();
    expect(screen.getByTestId('conclusion-open')).toHaveAttribute('href', '/plans/2960%2FKH-TTCP/conclusion');
  });

  it('lets the lead write the summary, see it in the preview and issue the conclusion', async () => {
    const user = userEvent.setup({ delay: null });
    const sent = vi.fn();
    let plan = conclusionPlan();
    renderWithProviders(page, {
      route: '/plans/2960%2FKH-TTCP?tab=conclusion',
      auth: staticAuth(lead),
      mocks: [
        ...repeatable([detailMock(), { request: { query: PlanConclusionQuery, variables: { number: PLAN_NUMBER } }, result: () => ({ data: { inspectionPlan: plan } }) }]),
        {
          request: {
            query: PlanConcludeMutation,
            variables: { input: { planId: PLAN_ID, version: 4, summary: 'Các đơn vị cơ bản thực hiện đúng quy định; còn hồ sơ quá hạn.' } },
          },
          result: () => {
            sent();
            plan = ISSUED;
            return { data: { inspectionPlanConclude: { __typename: 'InspectionPlanPayload', inspectionPlan: planDetail({ status: 'CONCLUDED', version: 5 }), userErrors: [] } } };
          },
        },
      ],
    });

    await user.click(await screen.findByTestId('plan-conclude'));
    expect(screen.getByTestId('conclusion-summary-input')).toHaveAccessibleDescription(/Vui lòng viết nội dung kết luận\./);
    expect(screen.getByTestId('conclusion-summary')).toHaveTextContent('(Nội dung kết luận do trưởng đoàn viết khi ban hành.)');

    fireEvent.change(screen.getByTestId('conclusion-summary-input'), { target: { value: 'Các đơn vị cơ bản thực hiện đúng quy định; còn hồ sơ quá hạn.' } });
    expect(screen.getByTestId('conclusion-summary')).toHaveTextContent('Các đơn vị cơ bản thực hiện đúng quy định; còn hồ sơ quá hạn.');
    await user.click(screen.getByTestId('plan-conclude'));
    expect(await screen.findByRole('dialog')).toHaveTextContent('Ban hành kết luận cho kế hoạch 2960/KH-TTCP với 1 phát hiện?');
    await user.click(screen.getByTestId('plan-conclude-confirm'));

    await waitFor(() => expect(screen.getByTestId('conclusion-state')).toHaveTextContent('Nguyễn Văn An ban hành lúc 20/05/2024 09:00.'));
    expect(sent).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('conclusion-draft')).not.toBeInTheDocument();
    expect(screen.getByTestId('plan-status')).toHaveTextContent('Đã kết luận');
    // The stored figures, not the live ones.
    expect(screen.getByTestId('conclusion-totals')).toHaveTextContent('Tổng cộng27');
    expect(screen.queryByTestId('plan-conclude')).not.toBeInTheDocument();
  }, SLOW);
});

describe('PlanConclusionPage', () => {
  it('prints the issued conclusion in English on a Vietnamese page, and switches its language in the URL', async () => {
    const user = userEvent.setup({ delay: null });
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    renderWithProviders(page, {
      route: '/plans/2960%2FKH-TTCP/conclusion?lang=en',
      auth: staticAuth(member),
      mocks: repeatable([conclusionMock(ISSUED)]),
    });

    const document = await screen.findByTestId('conclusion-document');
    expect(document).toHaveAttribute('lang', 'en');
    expect(document).toHaveTextContent('SOCIALIST REPUBLIC OF VIET NAM');
    expect(document).toHaveTextContent('Inspection conclusion');
    expect(document).toHaveTextContent('Nghe An, 20 May 2024');
    expect(document).toHaveTextContent('Period inspected: 1 Jan 2023 to 31 Dec 2023');
    expect(within(document).getByTestId('conclusion-finding')).toHaveTextContent('Finding 1. Dossiers handled late (Moderate).');
    expect(within(document).getByTestId('conclusion-deadline')).toHaveTextContent('Remediation deadline: 30 Sep 2024.');
    expect(within(document).queryByTestId('conclusion-draft')).not.toBeInTheDocument();
    expect(screen.queryByTestId('conclusion-draft-notice')).not.toBeInTheDocument();
    // The page around the document stays in the UI's language.
    expect(screen.getByTestId('conclusion-print')).toHaveTextContent('In');

    await user.click(screen.getByTestId('conclusion-print'));
    expect(print).toHaveBeenCalledTimes(1);

    await user.click(within(screen.getByTestId('conclusion-language')).getByText('Tiếng Việt'));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/plans\/2960%2FKH-TTCP\/conclusion$/);
    expect(screen.getByTestId('conclusion-document')).toHaveTextContent('Kết luận thanh tra');
    expect(screen.getByTestId('conclusion-document')).toHaveTextContent('Nghệ An, ngày 20/05/2024');
    print.mockRestore();
  });

  it('marks a conclusion not yet issued as a draft, with the summary the lead saved on the server', async () => {
    const saved = conclusionPlan({
      conclusionDraft: { __typename: 'ConclusionDraft', summary: 'Bản nháp kết luận.', updatedAt: '2024-05-18T03:00:00Z', updatedBy: 'Nguyễn Văn An', version: 3 } as ReturnType<typeof conclusionPlan>['conclusionDraft'],
    });
    renderWithProviders(page, { route: '/plans/2960%2FKH-TTCP/conclusion', auth: staticAuth(member), mocks: repeatable([conclusionMock(saved)]) });
    expect(await screen.findByTestId('conclusion-draft')).toHaveTextContent('DỰ THẢO');
    expect(screen.getByTestId('conclusion-summary')).toHaveTextContent('Bản nháp kết luận.');
    expect(screen.getByTestId('conclusion-draft-notice')).toHaveTextContent('Kết luận chưa được ban hành');
    expect(screen.getByTestId('conclusion-document')).toHaveTextContent('(chưa ban hành)');
  });
});
