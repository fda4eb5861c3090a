import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../../test/render';
import { userErrorText } from './userErrorText';

describe('userErrorText', () => {
  const i18n = createTestI18n('vi');
  const text = (field: string[] | null, code: string, message = 'server says') =>
    userErrorText({ field, code, message }, i18n.t, (key) => i18n.exists(key));

  it('prefers the wording for the field and code, then for the code, then the server’s message', () => {
    expect(text(['input', 'identityNumber'], 'INVALID')).toMatch(/^Số định danh/);
    expect(text(null, 'TRANSITION_NOT_ALLOWED')).toMatch(/trạng thái không cho phép/);
    expect(text(['input', 'reason'], 'SOMETHING_NEW', 'Something new went wrong')).toBe('Something new went wrong');
  });
});
