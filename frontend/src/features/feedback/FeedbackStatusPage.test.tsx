import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import FeedbackStatusPage, { FeedbackRateMutation, FeedbackStatusQuery } from './FeedbackStatusPage';

const answered = {
  __typename: 'PublicFeedback',
  code: 'GY-DEMO0003',
  kind: 'FEEDBACK',
  status: 'ANSWERED',
  unitName: 'Sở Tài nguyên và Môi trường',
  procedureName: 'Đăng ký đất đai lần đầu',
  dossierReceiptCode: null,
  message: 'Thành phần hồ sơ niêm yết khác với cổng dịch vụ công.',
  submittedAt: '2026-10-20T01:40:00Z',
  answerDueDate: '2026-11-03',
  overdue: false,
  rating: null,
  canRate: true,
  answer: { __typename: 'FeedbackAnswer', text: 'Sở đã cập nhật thành phần hồ sơ niêm yết.', answeredAt: '2026-10-28T09:20:00Z', late: false },
};

function renderPage(mocks: NonNullable<Parameters<typeof renderWithProviders>[1]>['mocks']) {
  return renderWithProviders(
    <Routes>
      <Route path="/feedback/:code" element={<FeedbackStatusPage />} />
    </Routes>,
    { route: '/feedback/GY-DEMO0003', mocks },
  );
}

describe('FeedbackStatusPage', () => {
  it('shows the answer for the right secret and takes one rating', async () => {
    renderPage([
      { request: { query: FeedbackStatusQuery, variables: { code: 'GY-DEMO0003', secret: 'LANTERNDEMO' } }, result: { data: { feedbackStatus: answered } } },
      {
        request: { query: FeedbackRateMutation, variables: { input: { code: 'GY-DEMO0003', secret: 'LANTERNDEMO', rating: 4 } } },
        result: {
          data: {
            feedbackRate: { __typename: 'FeedbackRatePayload', userErrors: [], feedback: { __typename: 'PublicFeedback', code: 'GY-DEMO0003', rating: 4, canRate: false } },
          },
        },
      },
    ]);
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: 'Mã bí mật' }), 'LANTERNDEMO');
    await user.click(screen.getByRole('button', { name: 'Xem trạng thái' }));
    expect(await screen.findByTestId('feedback-answer')).toHaveTextContent('Sở đã cập nhật thành phần hồ sơ niêm yết.');
    await user.click(screen.getByRole('radio', { name: 'Hài lòng' }));
    await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByText(/Bạn đã đánh giá: Hài lòng/)).toBeInTheDocument();
  });

  it('says “no match” for a wrong secret', async () => {
    renderPage([{ request: { query: FeedbackStatusQuery, variables: { code: 'GY-DEMO0003', secret: 'WRONG' } }, result: { data: { feedbackStatus: null } } }]);
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: 'Mã bí mật' }), 'WRONG');
    await user.click(screen.getByRole('button', { name: 'Xem trạng thái' }));
    expect(await screen.findByTestId('feedback-no-match')).toHaveTextContent('Không tìm thấy phản ánh');
  });
});
