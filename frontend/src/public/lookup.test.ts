import { screen, within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../lib/i18n/language';
import { openPublicPage, stubServer } from './testServer';

const dossier = {
  receiptCode: 'NA-SYT-261001-000017',
  procedureCode: '1.001234',
  procedureName: 'Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh',
  unitName: 'Sở Y tế',
  unitAddress: '18 Trường Thi, Vinh',
  unitPhone: '0238 3844 000',
  unitEmail: null,
  receivedAt: '2026-10-01T02:00:00Z',
  dueDate: '2026-10-15',
  status: 'PROCESSING',
  currentStepName: 'Thẩm định hồ sơ',
  resolvedAt: null,
  returnedAt: null,
  late: false,
  overdue: true,
  apologyReason: 'Phải xin ý kiến Bộ Y tế',
  apologyNewDate: '2026-11-30',
  rejectionReason: null,
  supplementReason: null,
  nextAction: 'WAIT',
  canRate: false,
  satisfaction: null,
  timeline: [
    { seq: 1, transition: 'RECEIVE', at: '2026-10-01T02:00:00Z', stepName: 'Tiếp nhận hồ sơ', unitName: 'Sở Y tế' },
    { seq: 2, transition: 'ISSUE_APOLOGY', at: '2026-10-16T02:00:00Z', stepName: null, unitName: 'Sở Y tế' },
  ],
};

async function fill(code: string, factor: string) {
  const user = userEvent.setup({ delay: null });
  await user.type(screen.getByRole('textbox', { name: /Mã hồ sơ/ }), code);
  await user.type(screen.getByRole('textbox', { name: /Mã tra cứu hoặc 4 số cuối/ }), factor);
  await user.click(screen.getByRole('button', { name: 'Tra cứu' }));
  return user;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('public lookup page', () => {
  it('shows the status in plain words, the apology and the timeline of a dossier it finds, and moves focus to it', async () => {
    const sent = stubServer({ PublicDossierLookup: () => ({ data: { dossierLookup: dossier } }) });
    await openPublicPage('/lookup');
    expect(document.title).toBe('Tra cứu hồ sơ – Lantern');
    await fill('NA-SYT-261001-000017', ' LANTERNDEMO ');
    const card = await screen.findByTestId('public-dossier');
    expect(sent[0]!.variables).toEqual({ receiptCode: 'NA-SYT-261001-000017', secondFactor: 'LANTERNDEMO' });
    expect(within(card).getByTestId('public-status')).toHaveTextContent('Đang được giải quyết');
    expect(within(card).getByTestId('public-late')).toHaveTextContent('Hồ sơ đã quá hạn giải quyết.');
    expect(within(card).getByTestId('public-late')).toHaveTextContent('Phải xin ý kiến Bộ Y tế');
    expect(within(card).getByTestId('public-late')).toHaveTextContent('30/11/2026');
    expect(within(card).getByTestId('public-timeline')).toHaveTextContent('01/10/2026 09:00 Tiếp nhận hồ sơ');
    expect(within(card).getByTestId('public-timeline')).toHaveTextContent('Gửi thư xin lỗi và hẹn lại');
    expect(within(card).getByTestId('public-next')).toHaveTextContent('30/11/2026');
    expect(within(card).getByRole('link', { name: 'Gửi phản ánh, kiến nghị về hồ sơ này' })).toHaveAttribute('href', '/feedback?dossier=NA-SYT-261001-000017');
    expect(screen.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' })).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Tra cứu hồ sơ khác' }));
    expect(screen.getByRole('textbox', { name: /Mã hồ sơ/ })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: /Mã tra cứu hoặc 4 số cuối/ })).toHaveValue('');
  });

  it('says “no match” without saying which part was wrong', async () => {
    stubServer({ PublicDossierLookup: () => ({ data: { dossierLookup: null } }) });
    await openPublicPage('/lookup');
    await fill('NA-SYT-261001-000017', 'WRONG');
    const alert = await screen.findByTestId('lookup-no-match');
    expect(alert).toHaveTextContent('Không tìm thấy hồ sơ khớp với mã hồ sơ và thông tin xác thực này.');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(screen.queryByTestId('public-dossier')).not.toBeInTheDocument();
  });

  it('tells when to try again after too many attempts', async () => {
    stubServer({ PublicDossierLookup: () => ({ errors: [{ message: 'Too many', extensions: { classification: 'RATE_LIMITED', retryAfterSeconds: 41.2 } }] }) });
    await openPublicPage('/lookup');
    await fill('X', 'Y');
    expect(await screen.findByTestId('lookup-rate-limited')).toHaveTextContent('Vui lòng thử lại sau 42 giây.');
  });

  it('names the missing field, tied to the input, instead of asking the server', async () => {
    const sent = stubServer({});
    await openPublicPage('/lookup');
    await userEvent.click(screen.getByRole('button', { name: 'Tra cứu' }));
    const code = screen.getByRole('textbox', { name: /Mã hồ sơ/ });
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveAccessibleDescription(/Vui lòng nhập mã hồ sơ/);
    expect(code).toHaveFocus();
    expect(screen.getByText('Vui lòng nhập mã tra cứu hoặc 4 số cuối')).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });

  it('takes the satisfaction rating once, with the second factor the lookup used', async () => {
    const returned = { ...dossier, status: 'RETURNED', overdue: false, nextAction: 'RATE', canRate: true };
    const sent = stubServer({
      PublicDossierLookup: () => ({ data: { dossierLookup: returned } }),
      PublicSatisfactionSubmit: () => ({ data: { dossierSatisfactionSubmit: { userErrors: [], dossier: { ...returned, canRate: false, satisfaction: 4 } } } }),
    });
    await openPublicPage('/lookup');
    const user = await fill('NA-SYT-261001-000017', 'LANTERNDEMO');
    await screen.findByTestId('public-dossier');
    await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(screen.getByRole('group', { name: 'Mức độ hài lòng' })).toHaveAccessibleDescription('Vui lòng chọn một mức');
    await user.click(screen.getByRole('radio', { name: 'Hài lòng' }));
    await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByTestId('rating-given')).toHaveTextContent('Cảm ơn bạn đã đánh giá. Bạn đã đánh giá: Hài lòng');
    expect(sent[1]!.variables).toEqual({ input: { receiptCode: 'NA-SYT-261001-000017', secondFactor: 'LANTERNDEMO', satisfaction: 4 } });
    expect(screen.queryByRole('button', { name: 'Gửi đánh giá' })).not.toBeInTheDocument();
  });

  it('switches to English, keeping what was typed, and remembers the choice for the staff app', async () => {
    stubServer({});
    await openPublicPage('/lookup');
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: /Mã hồ sơ/ }), 'NA-SYT-1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Ngôn ngữ' }), 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Look up a dossier' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Dossier code/ })).toHaveValue('NA-SYT-1');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(screen.getByRole('link', { name: 'Lantern' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('link', { name: 'My dossiers' })).toHaveAttribute('href', '/my-dossiers');
  });
});
