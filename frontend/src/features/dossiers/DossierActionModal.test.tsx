import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders, type RenderOptions } from '../../test/render';
import { DossierActionModal, DossierIssueApologyMutation, DossierRequestSupplementMutation, type ActionTarget } from './DossierActionModal';
import type { DossierAction } from './dossierActions';
import { unitHead } from './testFixtures';

const target: ActionTarget = { id: 'RG9zc2llcjox', receiptCode: 'NA-QUYHOP-230415-000123', version: 3, status: 'PROCESSING', dueDate: '2024-03-20', unit: { id: 'VW5pdDox' } };

function renderModal(action: DossierAction, mocks: RenderOptions['mocks'] = []) {
  const onDone = vi.fn();
  const onReload = vi.fn();
  renderWithProviders(<DossierActionModal action={action} dossier={target} onClose={() => {}} onDone={onDone} onReload={onReload} />, {
    auth: staticAuth(unitHead),
    mocks,
  });
  return { onDone, onReload };
}

const payload = (userErrors: { field: string[] | null; code: string; message: string }[]) => ({
  data: {
    dossierRequestSupplement: {
      __typename: 'DossierPayload',
      dossier: null,
      userErrors: userErrors.map((error) => ({ __typename: 'UserError', ...error })),
    },
  },
});

describe('DossierActionModal', () => {
  it('refuses to send a supplement request without a reason and says so next to the field', async () => {
    const user = userEvent.setup({ delay: null });
    const sent = vi.fn();
    const { onDone } = renderModal('requestSupplement', [
      { request: { query: DossierRequestSupplementMutation, variables: () => true }, result: () => (sent(), payload([])) },
    ]);

    const reason = screen.getByTestId('supplement-reason');
    expect(reason).toHaveAccessibleName(/Nội dung cần bổ sung/);
    await user.type(reason, '   ');
    await user.click(screen.getByTestId('action-submit'));

    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription('Vui lòng nhập lý do.');
    expect(sent).not.toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('shows the server’s userErrors next to the field they name and the others above the form', async () => {
    const user = userEvent.setup({ delay: null });
    const { onDone } = renderModal('requestSupplement', [
      {
        request: { query: DossierRequestSupplementMutation, variables: { input: { dossierId: target.id, version: 3, reason: 'x' } } },
        result: payload([
          { field: ['input', 'reason'], code: 'TOO_SHORT', message: 'Lý do phải nêu rõ giấy tờ còn thiếu.' },
          { field: null, code: 'TRANSITION_NOT_ALLOWED', message: 'not allowed' },
        ]),
      },
    ]);

    await user.type(screen.getByTestId('supplement-reason'), 'x');
    await user.click(screen.getByTestId('action-submit'));

    expect(await screen.findByText('Lý do phải nêu rõ giấy tờ còn thiếu.')).toBeInTheDocument();
    expect(screen.getByTestId('supplement-reason')).toHaveAccessibleDescription('Lý do phải nêu rõ giấy tờ còn thiếu.');
    expect(screen.getByTestId('form-errors')).toHaveTextContent('Hồ sơ đang ở trạng thái không cho phép thao tác này');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('asks to reload when someone else changed the dossier', async () => {
    const user = userEvent.setup({ delay: null });
    const { onReload, onDone } = renderModal('requestSupplement', [
      {
        request: { query: DossierRequestSupplementMutation, variables: { input: { dossierId: target.id, version: 3, reason: 'Thiếu giấy tờ' } } },
        result: payload([{ field: ['input', 'version'], code: 'CONCURRENT_MODIFICATION', message: 'version 3 is stale' }]),
      },
    ]);

    await user.type(screen.getByTestId('supplement-reason'), 'Thiếu giấy tờ');
    await user.click(screen.getByTestId('action-submit'));

    expect(await screen.findByTestId('concurrent-modification')).toHaveTextContent('Có người khác vừa thay đổi hồ sơ này');
    await user.click(screen.getByTestId('action-reload'));
    expect(onReload).toHaveBeenCalledOnce();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('checks an apology’s new date against the due date before sending', async () => {
    const user = userEvent.setup({ delay: null });
    const sent = vi.fn();
    renderModal('issueApology', [{ request: { query: DossierIssueApologyMutation, variables: () => true }, result: () => (sent(), { data: null }) }]);

    await user.type(screen.getByTestId('apology-reason'), 'Chờ ý kiến Sở Tư pháp');
    await user.type(screen.getByTestId('apology-newAppointmentDate'), '2024-03-20');
    await user.click(screen.getByTestId('action-submit'));

    expect(screen.getByTestId('apology-newAppointmentDate')).toHaveAccessibleDescription('Ngày hẹn mới phải sau hạn trả kết quả hiện tại.');
    expect(sent).not.toHaveBeenCalled();
  });
});
