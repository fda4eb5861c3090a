import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../../test/render';
import { describeError, errorMessage } from './errors';

function graphQLError(extensions: Record<string, unknown>) {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message: 'Forbidden', extensions }] });
}

describe('describeError', () => {
  it('reads Spring GraphQL’s classification and the error id', () => {
    expect(describeError(graphQLError({ classification: 'FORBIDDEN', errorId: 'e-42' }))).toEqual({ kind: 'forbidden', errorId: 'e-42' });
  });

  it('reads `extensions.code` as well', () => {
    expect(describeError(graphQLError({ code: 'UNAUTHENTICATED' })).kind).toBe('unauthorized');
  });

  it('treats an unknown classification as unknown', () => {
    expect(describeError(graphQLError({ classification: 'SOMETHING_NEW' })).kind).toBe('unknown');
  });

  it('treats a failed fetch as a network problem', () => {
    expect(describeError(new TypeError('Failed to fetch')).kind).toBe('network');
  });

  it('maps HTTP statuses', () => {
    const serverError = (status: number) =>
      new ServerError('failed', { response: new Response('', { status }), bodyText: '' });
    expect(describeError(serverError(401)).kind).toBe('unauthorized');
    expect(describeError(serverError(403)).kind).toBe('forbidden');
    expect(describeError(serverError(502)).kind).toBe('server');
  });
});

describe('errorMessage', () => {
  it('says FORBIDDEN in Vietnamese with the error id', () => {
    const i18n = createTestI18n('vi');
    const message = errorMessage(graphQLError({ classification: 'FORBIDDEN', errorId: 'e-42' }), i18n.t);
    expect(message.message).toBe('Bạn không có quyền thực hiện thao tác này.');
    expect(message.detail).toBe('Mã lỗi: e-42. Vui lòng báo mã này khi liên hệ bộ phận hỗ trợ.');
  });

  it('says FORBIDDEN in English', () => {
    const i18n = createTestI18n('en');
    const message = errorMessage(graphQLError({ classification: 'FORBIDDEN' }), i18n.t);
    expect(message.message).toBe('You are not allowed to do this.');
    expect(message.detail).toBeUndefined();
  });

  it('has words for every kind in both languages', () => {
    for (const lng of ['vi', 'en'] as const) {
      const i18n = createTestI18n(lng);
      for (const kind of ['unauthorized', 'forbidden', 'notFound', 'badRequest', 'network', 'server', 'unknown']) {
        expect(i18n.exists(`common:errors.${kind}`), `${lng} errors.${kind}`).toBe(true);
      }
    }
  });
});
