import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../app/AppRoutes';
import { staticAuth } from '../../lib/auth/staticAuth';
import type { AuthUser } from '../../lib/auth/user';
import { renderWithProviders, type RenderOptions } from '../../test/render';
import { FindingDetailQuery, RecommendationRespondMutation, RecommendationVerifyMutation } from './findingOperations';
import { admin, entry, finding, headSyt, lead, member, outsider } from './testFixtures';

const ID = 'RmluZGluZzox';
const route = `/findings/${ID}`;

function renderPage(user: AuthUser, stored: ReturnType<typeof finding>, mocks: RenderOptions['mocks'] = []) {
  const withTeam = !user.roles.includes('unit_head');
  return renderWithProviders(<AppRoutes />, {
    route,
    auth: staticAuth(user),
    mocks: [{ request: { query: FindingDetailQuery, variables: { id: ID, withTeam } }, result: { data: { node: stored } }, maxUsageCount: Number.POSITIVE_INFINITY }, ...(mocks ?? [])],
  });
}

const actionButtons = () => screen.queryAllByRole('button').map((button) => button.getAttribute('data-testid')).filter((id) => id?.startsWith('followup-action-'));

const findingPayload = (name: string, stored: ReturnType<typeof finding> | null, userErrors: { field: string[] | null; code: string; message: string }[] = []) => ({
  data: { [name]: { __typename: 'FindingPayload', finding: stored, userErrors: userErrors.map((error) => ({ __typename: 'UserError', ...error })) } },
});

describe('FindingDetailPage', () => {
  it('shows the finding, its evidence linking to the dossier and the follow-up oldest first', async () => {
    renderPage(
      member,
      finding({
        recommendationStatus: 'REPORTED_DONE',
        followUp: [
          entry('DONE', '2026-03-10T02:00:00Z', 'Đã ban hành 40 văn bản xin lỗi.'),
          entry('PLAN', '2026-01-05T02:00:00Z', 'Ban hành văn bản xin lỗi trước 01/03.'),
          entry('PROGRESS', '2026-02-01T02:00:00Z', 'Đã ban hành 20 văn bản.'),
        ],
      }),
    );

    expect(await screen.findByTestId('finding-title')).toHaveTextContent('Phát hiện số 1: Giải quyết hồ sơ quá hạn');
    const facts = screen.getByTestId('finding-facts');
    expect(facts).toHaveTextContent('Sở Y tế (NA-SYT)');
    expect(facts).toHaveTextContent('Phan Văn Đức – Chánh Văn phòng');
    expect(facts).toHaveTextContent('Trung bình');
    expect(screen.getByTestId('evidence-dossier')).toHaveAttribute('href', '/dossiers/NA-SYT-230415-000123');
    expect(screen.getByTestId('evidence-document')).toHaveTextContent('bien-ban-kiem-tra.pdf');

    const timeline = screen.getAllByTestId('followup-entry');
    expect(timeline.map((item) => item.getAttribute('data-kind'))).toEqual(['PLAN', 'PROGRESS', 'DONE']);
    expect(timeline[0]).toHaveTextContent('Kế hoạch khắc phục');
    expect(timeline[0]).toHaveTextContent('Hồ Thị Mai · 05/01/2026 09:00');
  });

  it('lets the unit head answer an open recommendation with a plan only', async () => {
    renderPage(headSyt, finding({ withTeam: false }));
    await screen.findByTestId('finding-title');
    expect(actionButtons()).toEqual(['followup-action-plan']);
    expect(screen.getByTestId('followup-empty')).toHaveTextContent('Đơn vị chưa trả lời.');
  });

  it('lets the unit head report progress or done once a plan was given', async () => {
    renderPage(headSyt, finding({ withTeam: false, recommendationStatus: 'IN_REMEDIATION', followUp: [entry('PLAN', '2026-01-05T02:00:00Z')] }));
    await screen.findByTestId('finding-title');
    expect(actionButtons()).toEqual(['followup-action-progress', 'followup-action-done']);
  });

  it('offers team members verify and reopen, the lead also waive, others nothing', async () => {
    const reported = finding({ recommendationStatus: 'REPORTED_DONE', followUp: [entry('PLAN', '2026-01-05T02:00:00Z'), entry('DONE', '2026-02-05T02:00:00Z')] });
    const { unmount } = renderPage(member, reported);
    await screen.findByTestId('finding-title');
    expect(actionButtons()).toEqual(['followup-action-verify', 'followup-action-reopen']);
    unmount();

    const second = renderPage(lead, reported);
    await screen.findByTestId('finding-title');
    expect(actionButtons()).toEqual(['followup-action-verify', 'followup-action-reopen', 'followup-action-waive']);
    second.unmount();

    const third = renderPage(outsider, reported);
    await screen.findByTestId('finding-title');
    expect(actionButtons()).toEqual([]);
    third.unmount();

    renderPage(admin, reported);
    await screen.findByTestId('finding-title');
    expect(actionButtons()).toEqual([]);
  });

  it('flags an overdue recommendation to both sides', async () => {
    const overdue = finding({ overdue: true, remediationDeadline: '2025-10-31', recommendationStatus: 'IN_REMEDIATION', followUp: [entry('PLAN', '2025-09-05T02:00:00Z')] });
    const { unmount } = renderPage(headSyt, { ...overdue, plan: { ...overdue.plan, team: undefined } } as ReturnType<typeof finding>);
    expect(await screen.findByTestId('finding-overdue-banner')).toHaveTextContent('Hạn khắc phục là 31/10/2025. Hãy báo cáo tiến độ');
    unmount();

    renderPage(lead, overdue);
    expect(await screen.findByTestId('finding-overdue-banner')).toHaveTextContent('Hạn khắc phục là 31/10/2025 mà Sở Y tế chưa hoàn thành khắc phục.');
    expect(screen.getByTestId('badge-overdue')).toHaveTextContent('Quá hạn');
  });

  it('refuses a vague answer, then records a specific plan and shows it on the timeline', async () => {
    const user = userEvent.setup({ delay: null });
    const sent = vi.fn();
    const text = 'Ban hành 40 văn bản xin lỗi trước 15/12; tập huấn cán bộ một cửa ngày 20/12.';
    const answered = finding({ withTeam: false, version: 8, recommendationStatus: 'IN_REMEDIATION', followUp: [entry('PLAN', '2026-11-24T02:00:00Z', text)] });
    renderPage(headSyt, finding({ withTeam: false }), [
      {
        request: { query: RecommendationRespondMutation, variables: { input: { findingId: ID, version: 7, kind: 'PLAN', text } } },
        result: () => (sent(), findingPayload('recommendationRespond', answered)),
      },
    ]);

    await user.click(await screen.findByTestId('followup-action-plan'));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByTestId('followup-text'), 'Đã ghi nhận');
    await user.click(within(dialog).getByTestId('followup-submit'));
    expect(within(dialog).getByTestId('followup-text')).toHaveAccessibleDescription(/Cần cụ thể/);
    expect(sent).not.toHaveBeenCalled();

    await user.clear(within(dialog).getByTestId('followup-text'));
    await user.type(within(dialog).getByTestId('followup-text'), text);
    await user.click(within(dialog).getByTestId('followup-submit'));

    expect(await screen.findByTestId('followup-notice')).toHaveTextContent('Đã ghi nhận kế hoạch khắc phục.');
    expect(sent).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('followup-entry')).toHaveTextContent(text);
    expect(screen.getByTestId('recommendation-status')).toHaveTextContent('Đang khắc phục');
    expect(actionButtons()).toEqual(['followup-action-progress', 'followup-action-done']);
  });

  it('shows the server’s refusal next to the text', async () => {
    const user = userEvent.setup({ delay: null });
    const text = 'Đã kiểm tra 40 văn bản xin lỗi tại bộ phận một cửa.';
    renderPage(member, finding({ recommendationStatus: 'REPORTED_DONE', followUp: [entry('PLAN', '2026-01-05T02:00:00Z'), entry('DONE', '2026-02-05T02:00:00Z')] }), [
      {
        request: { query: RecommendationVerifyMutation, variables: { input: { findingId: ID, version: 7, text } } },
        result: findingPayload('recommendationVerify', null, [
          { field: ['input', 'text'], code: 'NOT_SPECIFIC', message: 'too short' },
          { field: null, code: 'TRANSITION_NOT_ALLOWED', message: 'no' },
        ]),
      },
    ]);
    await user.click(await screen.findByTestId('followup-action-verify'));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByTestId('followup-text'), text);
    await user.click(within(dialog).getByTestId('followup-submit'));
    expect(await within(dialog).findByTestId('form-errors')).toHaveTextContent('Trạng thái hiện tại không cho phép bước này.');
    expect(within(dialog).getByTestId('followup-text')).toHaveAccessibleDescription(/Quá ngắn để thực hiện/);
  });

  it('says so when the finding is missing or hidden', async () => {
    renderWithProviders(<AppRoutes />, {
      route,
      auth: staticAuth(headSyt),
      mocks: [{ request: { query: FindingDetailQuery, variables: { id: ID, withTeam: false } }, result: { data: { node: null } } }],
    });
    expect(await screen.findByTestId('finding-not-found')).toHaveTextContent('Phát hiện này không tồn tại hoặc bạn không có quyền xem.');
  });
});
