import { screen } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CITIZEN, fakeLogin, openPublicPage, stubServer } from './testServer';

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

const sentFeedback = {
  data: { feedbackSubmit: { secret: 'K7Q2M9XDPA', userErrors: [], feedback: { code: 'GY-7K2M9QXP', unitName: 'Sở Y tế', answerDueDate: '2026-12-08' } } },
};

async function fillSender(user: ReturnType<typeof userEvent.setup>, message = input.message) {
  await user.type(screen.getByRole('textbox', { name: /Nội dung phản ánh/ }), message);
  await user.type(screen.getByRole('textbox', { name: /Họ và tên/ }), input.senderName);
  await user.type(screen.getByRole('textbox', { name: /Số điện thoại/ }), input.senderPhone);
  await user.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('public feedback page', () => {
  it('sends feedback about the dossier it was opened for and shows the code and the one-time secret', async () => {
    const sent = stubServer({ PublicFeedbackSubmit: () => sentFeedback });
    await openPublicPage('/feedback?dossier=NA-SYT-261001-000017');
    expect(screen.getByRole('radio', { name: 'Hồ sơ của tôi' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: /Mã hồ sơ/ })).toHaveValue('NA-SYT-261001-000017');
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: /Mã tra cứu hoặc 4 số cuối/ }), 'LANTERNDEMO');
    await fillSender(user);
    expect(await screen.findByTestId('feedback-code')).toHaveTextContent('GY-7K2M9QXP');
    expect(sent.map((s) => s.operation)).toEqual(['PublicFeedbackSubmit']);
    expect(sent[0]!.variables).toEqual({ input });
    expect(sent[0]!.authorization).toBeNull();
    expect(screen.getByTestId('feedback-secret')).toHaveTextContent('K7Q2M9XDPA');
    expect(screen.getByText('Hạn trả lời: 08/12/2026')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Theo dõi phản ánh này' })).toHaveAttribute('href', '/feedback/GY-7K2M9QXP');
    expect(screen.getByRole('heading', { level: 1, name: 'Đã gửi phản ánh' })).toHaveFocus();
  });

  it('as an anonymous visitor, asks for the name and the dossier second factor and says nothing about a login', async () => {
    stubServer({});
    await openPublicPage('/feedback?dossier=NA-SYT-261001-000017');
    expect(screen.getByRole('textbox', { name: /Họ và tên/ })).toHaveAttribute('aria-required', 'true');
    expect(screen.getByRole('textbox', { name: /Mã tra cứu hoặc 4 số cuối/ })).toHaveAttribute('aria-required', 'true');
    expect(screen.queryByTestId('sending-as')).not.toBeInTheDocument();
    expect(screen.getByTestId('account')).toHaveTextContent('Đăng nhập');
  });

  it('lets a logged-in citizen send about their dossier without contact details nor second factor, with their token', async () => {
    const sent = stubServer({ PublicFeedbackSubmit: () => sentFeedback });
    await openPublicPage('/feedback?dossier=NA-SYT-261001-000017', fakeLogin(CITIZEN).auth);
    expect(screen.getByTestId('sending-as')).toHaveTextContent('Bạn đang gửi với tư cách Đặng Thị Thu (đã đăng nhập).');
    expect(screen.getByTestId('account')).toHaveTextContent('Đặng Thị Thu');
    expect(screen.getByRole('textbox', { name: /Họ và tên/ })).not.toHaveAttribute('aria-required');
    const factor = screen.getByRole('textbox', { name: /Mã tra cứu hoặc 4 số cuối/ });
    expect(factor).not.toHaveAttribute('aria-required');
    expect(factor).toHaveAccessibleDescription('Không cần nếu hồ sơ mang số định danh của bạn');
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: /Nội dung phản ánh/ }), input.message);
    await user.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    expect(await screen.findByTestId('feedback-code')).toHaveTextContent('GY-7K2M9QXP');
    expect(sent[0]!.variables).toEqual({ input: { ...input, dossierSecondFactor: null, senderName: null, senderPhone: null } });
    expect(sent[0]!.authorization).toBe('Bearer citizen-token');
  });

  it('learns about the login after the first paint and keeps what was typed and the focus', async () => {
    stubServer({});
    const login = fakeLogin(CITIZEN, { pending: true });
    await openPublicPage('/feedback?dossier=NA-SYT-261001-000017', login.auth);
    expect(screen.queryByTestId('sending-as')).not.toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: /Nội dung phản ánh/ }), 'Hồ sơ trễ hẹn');
    login.finish();
    expect(await screen.findByTestId('sending-as')).toBeInTheDocument();
    const message = screen.getByRole('textbox', { name: /Nội dung phản ánh/ });
    expect(message).toHaveValue('Hồ sơ trễ hẹn');
    expect(message).toHaveFocus();
    await user.type(message, ' 5 ngày');
    expect(message).toHaveValue('Hồ sơ trễ hẹn 5 ngày');
  });

  it('waits for a pending login check before sending, then sends with the token', async () => {
    const sent = stubServer({ PublicFeedbackSubmit: () => sentFeedback });
    const login = fakeLogin(CITIZEN, { pending: true });
    await openPublicPage('/feedback?dossier=NA-SYT-261001-000017', login.auth);
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: /Nội dung phản ánh/ }), input.message);
    await user.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    expect(sent).toEqual([]);
    login.finish();
    expect(await screen.findByTestId('feedback-code')).toHaveTextContent('GY-7K2M9QXP');
    expect(sent[0]!.authorization).toBe('Bearer citizen-token');
  });

  it('puts each refusal next to its field and keeps what was typed', async () => {
    stubServer({
      PublicFeedbackSubmit: () => ({
        data: {
          feedbackSubmit: {
            secret: null,
            feedback: null,
            userErrors: [
              { field: ['input', 'dossierReceiptCode'], code: 'NOT_FOUND', message: 'No dossier matches this receipt code and second factor' },
              { field: ['input', 'senderEmail'], code: 'CONTACT_REQUIRED', message: 'Give an e-mail address or a phone number' },
            ],
          },
        },
      }),
    });
    await openPublicPage('/feedback?dossier=NA-SYT-261001-000017');
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: /Mã tra cứu hoặc 4 số cuối/ }), 'LANTERNDEMO');
    await fillSender(user);
    const code = await screen.findByRole('textbox', { name: /Mã hồ sơ/ });
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveAccessibleDescription('No dossier matches this receipt code and second factor');
    expect(code).toHaveFocus();
    expect(screen.getByRole('textbox', { name: /Thư điện tử/ })).toHaveAccessibleDescription('Give an e-mail address or a phone number');
    expect(screen.getByRole('textbox', { name: /Nội dung phản ánh/ })).toHaveValue(input.message);
    expect(screen.queryByTestId('feedback-code')).not.toBeInTheDocument();
  });

  it('sends feedback about a unit chosen by keyboard from the list', async () => {
    const sent = stubServer({
      PublicFeedbackProcedures: () => ({ data: { feedbackProcedures: [{ id: 'P1', nationalCode: '1.001234', name: 'Cấp giấy phép lái xe', unitName: 'Sở Giao thông vận tải' }] } }),
      PublicFeedbackUnits: () => ({ data: { feedbackUnits: [{ id: 'U1', name: 'Sở Tư pháp' }, { id: 'U2', name: 'Sở Y tế' }] } }),
      PublicFeedbackSubmit: () => sentFeedback,
    });
    await openPublicPage('/feedback');
    expect(screen.getByRole('radio', { name: 'Thủ tục hành chính' })).toBeChecked();
    expect(await screen.findByRole('option', { name: /Cấp giấy phép lái xe \(1.001234\)/ })).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    screen.getByRole('radio', { name: 'Đơn vị' }).focus();
    await user.keyboard(' ');
    const unit = screen.getByRole('combobox', { name: /Đơn vị/ });
    expect(await screen.findByRole('option', { name: 'Sở Y tế' })).toBeInTheDocument();
    await user.selectOptions(unit, 'Sở Y tế');
    await user.click(screen.getByRole('radio', { name: 'Kiến nghị' }));
    await fillSender(user, 'Bộ phận một cửa chưa niêm yết số điện thoại đường dây nóng.');
    await screen.findByTestId('feedback-code');
    expect(sent.at(-1)!.variables).toEqual({
      input: { ...input, kind: 'RECOMMENDATION', unitId: 'U2', dossierReceiptCode: null, dossierSecondFactor: null, message: 'Bộ phận một cửa chưa niêm yết số điện thoại đường dây nóng.' },
    });
  });

  it('finds procedures by what is typed and keeps the choice', async () => {
    const all = [{ id: 'P1', nationalCode: '1.001234', name: 'Cấp giấy phép lái xe', unitName: 'Sở Giao thông vận tải' }];
    const land = [{ id: 'P2', nationalCode: '1.004227', name: 'Đăng ký đất đai lần đầu', unitName: 'Sở Tài nguyên và Môi trường' }];
    const sent = stubServer({ PublicFeedbackProcedures: (variables) => ({ data: { feedbackProcedures: variables.text ? land : all } }) });
    await openPublicPage('/feedback');
    await screen.findByRole('option', { name: /Cấp giấy phép lái xe/ });
    const user = userEvent.setup({ delay: null });
    await user.selectOptions(screen.getByRole('combobox', { name: /Thủ tục hành chính/ }), 'P1');
    await user.type(screen.getByRole('searchbox', { name: 'Tìm thủ tục' }), 'dat dai');
    expect(await screen.findByRole('option', { name: /Đăng ký đất đai lần đầu/ })).toBeInTheDocument();
    expect(sent.at(-1)!.variables).toEqual({ text: 'dat dai', first: 20 });
    expect(screen.getByRole('combobox', { name: /Thủ tục hành chính/ })).toHaveValue('P1');
  });

  it('tells when to try again after too many sendings', async () => {
    stubServer({
      PublicFeedbackProcedures: () => ({ data: { feedbackProcedures: [] } }),
      PublicFeedbackSubmit: () => ({ errors: [{ message: 'Too many', extensions: { classification: 'RATE_LIMITED', retryAfterSeconds: 30 } }] }),
    });
    await openPublicPage('/feedback');
    await fillSender(userEvent.setup({ delay: null }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Vui lòng thử lại sau 30 giây.');
  });
});
