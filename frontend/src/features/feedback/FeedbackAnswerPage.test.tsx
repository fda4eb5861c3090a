import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { staticAuth } from '../../lib/auth/staticAuth';
import type { AuthUser } from '../../lib/auth/user';
import { renderWithProviders } from '../../test/render';
import FeedbackAnswerPage, { FeedbackAnswerMutation, FeedbackItemQuery } from './FeedbackAnswerPage';

const head: AuthUser = { username: 'head.syt', displayName: 'Giám đốc Sở Y tế', roles: ['unit_head'], unitCode: 'NA-SYT' };

const item = {
  __typename: 'Feedback',
  id: 'RmVlZGJhY2s6MQ',
  code: 'GY-DEMO0001',
  kind: 'FEEDBACK',
  status: 'OPEN',
  message: 'Hồ sơ đã quá hẹn.',
  submittedAt: '2026-10-05T02:15:00Z',
  answerDueDate: '2026-10-19',
  overdue: true,
  rating: null,
  version: 0,
  dossierReceiptCode: null,
  unit: { __typename: 'Unit', id: 'VW5pdDo2', name: 'Sở Y tế' },
  procedure: null,
  sender: { __typename: 'FeedbackSender', name: 'Nguyễn Văn An', email: null, phone: '0912000111', loggedIn: false },
  answer: null,
  answeredBy: null,
};

function renderPage(mocks: NonNullable<Parameters<typeof renderWithProviders>[1]>['mocks']) {
  return renderWithProviders(
    <Routes>
      <Route path="/feedback-inbox/:id" element={<FeedbackAnswerPage />} />
    </Routes>,
    { auth: staticAuth(head), route: '/feedback-inbox/RmVlZGJhY2s6MQ', mocks },
  );
}

describe('FeedbackAnswerPage', () => {
  it('shows a refused one-word answer next to the field, in the clerk’s language', async () => {
    renderPage([
      { request: { query: FeedbackItemQuery, variables: { id: 'RmVlZGJhY2s6MQ' } }, result: { data: { node: item } } },
      {
        request: { query: FeedbackAnswerMutation, variables: { input: { feedbackId: 'RmVlZGJhY2s6MQ', version: 0, answer: 'OK' } } },
        result: {
          data: {
            feedbackAnswer: {
              __typename: 'FeedbackAnswerPayload',
              feedback: null,
              userErrors: [{ __typename: 'UserError', field: ['input', 'answer'], code: 'NOT_SPECIFIC', message: 'Answer specifically' }],
            },
          },
        },
      },
    ]);
    expect(await screen.findByTestId('answer-status')).toHaveTextContent('Quá hạn');
    expect(screen.getByText(/Nguyễn Văn An/)).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: /Câu trả lời/ }), 'OK');
    await user.click(screen.getByRole('button', { name: 'Gửi câu trả lời' }));
    expect(await screen.findByText(/Câu trả lời chưa cụ thể/)).toBeInTheDocument();
  });

  it('says so when the item is not among the caller’s units', async () => {
    renderPage([{ request: { query: FeedbackItemQuery, variables: { id: 'RmVlZGJhY2s6MQ' } }, result: { data: { node: null } } }]);
    expect(await screen.findByText('Không tìm thấy phản ánh này trong các đơn vị của bạn.')).toBeInTheDocument();
  });
});
