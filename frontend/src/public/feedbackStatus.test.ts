import { screen } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CITIZEN, fakeLogin, openPublicPage, stubServer } from './testServer';

const answered = {
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
  answer: { text: 'Sở đã cập nhật thành phần hồ sơ niêm yết.', answeredAt: '2026-10-28T09:20:00Z', late: false },
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('public feedback status page', () => {
  it('shows the answer for the right secret and takes one rating', async () => {
    const sent = stubServer({
      PublicFeedbackStatus: () => ({ data: { feedbackStatus: answered } }),
      PublicFeedbackRate: () => ({ data: { feedbackRate: { userErrors: [], feedback: { code: 'GY-DEMO0003', rating: 4, canRate: false } } } }),
    });
    await openPublicPage('/feedback/GY-DEMO0003');
    expect(screen.getByRole('heading', { level: 1, name: 'Theo dõi phản ánh GY-DEMO0003' })).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: 'Mã bí mật' }), 'LANTERNDEMO');
    await user.click(screen.getByRole('button', { name: 'Xem trạng thái' }));
    expect(await screen.findByTestId('feedback-answer')).toHaveTextContent('Sở đã cập nhật thành phần hồ sơ niêm yết.');
    expect(screen.getByTestId('feedback-answer')).toHaveTextContent('Trả lời lúc 28/10/2026 16:20');
    expect(sent[0]!.variables).toEqual({ code: 'GY-DEMO0003', secret: 'LANTERNDEMO' });
    expect(sent[0]!.authorization).toBeNull();
    expect(screen.getByRole('button', { name: 'Gửi đánh giá' })).toBeDisabled();
    await user.click(screen.getByRole('radio', { name: 'Hài lòng' }));
    await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByText(/Bạn đã đánh giá: Hài lòng/)).toHaveFocus();
    expect(sent[1]!.variables).toEqual({ input: { code: 'GY-DEMO0003', secret: 'LANTERNDEMO', rating: 4 } });
  });

  it('lets the logged-in sender follow and rate without the secret', async () => {
    const sent = stubServer({
      PublicFeedbackStatus: () => ({ data: { feedbackStatus: answered } }),
      PublicFeedbackRate: () => ({ data: { feedbackRate: { userErrors: [], feedback: { code: 'GY-DEMO0003', rating: 5, canRate: false } } } }),
    });
    await openPublicPage('/feedback/GY-DEMO0003', fakeLogin(CITIZEN).auth);
    expect(screen.getByRole('textbox', { name: 'Mã bí mật' })).toHaveAccessibleDescription('Không cần nếu bạn đã đăng nhập khi gửi');
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Xem trạng thái' }));
    expect(await screen.findByTestId('feedback-answer')).toBeInTheDocument();
    expect(sent[0]).toMatchObject({ variables: { code: 'GY-DEMO0003', secret: null }, authorization: 'Bearer citizen-token' });
    await user.click(screen.getByRole('radio', { name: 'Rất hài lòng' }));
    await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByText(/Bạn đã đánh giá: Rất hài lòng/)).toBeInTheDocument();
    expect(sent[1]).toMatchObject({ variables: { input: { code: 'GY-DEMO0003', secret: null, rating: 5 } }, authorization: 'Bearer citizen-token' });
  });

  it('shows no login hint to an anonymous visitor', async () => {
    stubServer({});
    await openPublicPage('/feedback/GY-DEMO0003');
    expect(screen.getByRole('textbox', { name: 'Mã bí mật' })).not.toHaveAccessibleDescription();
  });

  it('says “no match” for a wrong secret', async () => {
    stubServer({ PublicFeedbackStatus: () => ({ data: { feedbackStatus: null } }) });
    await openPublicPage('/feedback/GY-DEMO0003');
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: 'Mã bí mật' }), 'WRONG');
    await user.click(screen.getByRole('button', { name: 'Xem trạng thái' }));
    expect(await screen.findByTestId('feedback-no-match')).toHaveTextContent('Không tìm thấy phản ánh');
  });

  it('says the server could not be reached, in words', async () => {
    stubServer({
      PublicFeedbackStatus: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await openPublicPage('/feedback/GY-DEMO0003');
    await userEvent.click(screen.getByRole('button', { name: 'Xem trạng thái' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Không kết nối được tới máy chủ.');
  });
});
