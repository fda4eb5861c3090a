import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import FeedbackPage, { FeedbackProceduresQuery, FeedbackSubmitMutation } from './FeedbackPage';

const input = {
  kind: 'FEEDBACK',
  procedureId: null,
  unitId: null,
  dossierReceiptCode: 'NA-SYT-261001-000017',
  dossierSecondFactor: 'LANTERNDEMO',
  message: 'Hồ sơ của tôi đã quá hẹn mà chưa có thư xin lỗi.',
  senderName: 'Đặng Thị Thu',
  senderEmail: null,
  senderPhone: '0977123456',
};

async function fillDossierFeedback() {
  const user = userEvent.setup({ delay: null });
  await user.type(screen.getByRole('textbox', { name: /Mã tra cứu hoặc 4 số cuối/ }), 'LANTERNDEMO');
  await user.type(screen.getByRole('textbox', { name: /Nội dung phản ánh/ }), input.message);
  await user.type(screen.getByRole('textbox', { name: /Họ và tên/ }), input.senderName);
  await user.type(screen.getByRole('textbox', { name: /Số điện thoại/ }), input.senderPhone);
  await user.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
}

const procedures = {
  request: { query: FeedbackProceduresQuery, variables: { text: null, first: 20 } },
  result: { data: { feedbackProcedures: [] } },
  maxUsageCount: 5,
};

describe('FeedbackPage', () => {
  it('sends feedback about the dossier it was opened for and shows the code and the one-time secret', async () => {
    renderWithProviders(<FeedbackPage />, {
      route: '/feedback?dossier=NA-SYT-261001-000017',
      mocks: [
        procedures,
        {
          request: { query: FeedbackSubmitMutation, variables: { input } },
          result: {
            data: {
              feedbackSubmit: {
                __typename: 'FeedbackSubmitPayload',
                secret: 'K7Q2M9XDPA',
                userErrors: [],
                feedback: { __typename: 'PublicFeedback', code: 'GY-7K2M9QXP', unitName: 'Sở Y tế', answerDueDate: '2026-12-08' },
              },
            },
          },
        },
      ],
    });
    expect(screen.getByRole('textbox', { name: /Mã hồ sơ/ })).toHaveValue('NA-SYT-261001-000017');
    await fillDossierFeedback();
    expect(await screen.findByTestId('feedback-code')).toHaveTextContent('GY-7K2M9QXP');
    expect(screen.getByTestId('feedback-secret')).toHaveTextContent('K7Q2M9XDPA');
    expect(screen.getByText('Hạn trả lời: 08/12/2026')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Theo dõi phản ánh này' })).toHaveAttribute('href', '/feedback/GY-7K2M9QXP');
  });

  it('puts each refusal next to its field', async () => {
    renderWithProviders(<FeedbackPage />, {
      route: '/feedback?dossier=NA-SYT-261001-000017',
      mocks: [
        procedures,
        {
          request: { query: FeedbackSubmitMutation, variables: { input } },
          result: {
            data: {
              feedbackSubmit: {
                __typename: 'FeedbackSubmitPayload',
                secret: null,
                feedback: null,
                userErrors: [
                  { __typename: 'UserError', field: ['input', 'dossierReceiptCode'], code: 'NOT_FOUND', message: 'No dossier matches this receipt code and second factor' },
                ],
              },
            },
          },
        },
      ],
    });
    await fillDossierFeedback();
    expect(await screen.findByText('No dossier matches this receipt code and second factor')).toBeInTheDocument();
    expect(screen.queryByTestId('feedback-code')).not.toBeInTheDocument();
  });
});
