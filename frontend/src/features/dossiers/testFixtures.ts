import type { DossierDetailFieldsFragment, DossierListQuery } from '../../gql/graphql';
import type { AuthUser } from '../../lib/auth/user';

export const unitHead: AuthUser = { username: 'head.quyhop', displayName: 'Lê Văn Hùng', roles: ['unit_head'], unitCode: 'NA-QUYHOP' };
export const inspector: AuthUser = { username: 'an.nguyen', displayName: 'Nguyễn Văn An', roles: ['inspector'], unitCode: 'NA-TTT' };

type Row = DossierListQuery['dossiers']['nodes'][number];

export function listRow(overrides: Partial<Row> = {}): Row {
  return {
    __typename: 'Dossier',
    id: 'RG9zc2llcjox',
    receiptCode: 'NA-QUYHOP-230415-000123',
    status: 'PROCESSING',
    channel: 'DIRECT',
    receivedAt: '2023-04-15T02:30:00Z',
    dueDate: '2023-05-06',
    late: false,
    overdue: true,
    procedure: { __typename: 'Procedure', id: 'UHJvYzox', nationalCode: '1.004227', name: 'Đăng ký khai sinh' },
    unit: { __typename: 'Unit', id: 'VW5pdDox', code: 'NA-QUYHOP', name: 'Ủy ban nhân dân huyện Quỳ Hợp' },
    applicant: { __typename: 'Applicant', name: 'Nguyễn Thị Lan' },
    ...overrides,
  } as Row;
}

export function dossierDetail(overrides: Partial<DossierDetailFieldsFragment> = {}): DossierDetailFieldsFragment {
  return {
    __typename: 'Dossier',
    id: 'RG9zc2llcjox',
    receiptCode: 'NA-QUYHOP-230415-000123',
    version: 3,
    status: 'PROCESSING',
    channel: 'DIRECT',
    receivedAt: '2023-04-15T02:30:00Z',
    dueDate: '2099-05-06',
    late: false,
    overdue: false,
    result: null,
    resolvedAt: null,
    returnedAt: null,
    closedAt: null,
    onlinePayment: false,
    digitisedDossier: true,
    digitisedResult: false,
    resultSyncedToCitizenStore: false,
    satisfaction: null,
    workingDaysUsedBeforePause: 0,
    allowedTransitions: ['ADVANCE', 'REQUEST_SUPPLEMENT', 'RESOLVE', 'REJECT', 'WITHDRAW'],
    procedure: {
      __typename: 'Procedure',
      id: 'UHJvYzox',
      nationalCode: '1.004227',
      name: 'Đăng ký khai sinh',
      statutoryWorkingDays: 5,
    },
    unit: { __typename: 'Unit', id: 'VW5pdDox', code: 'NA-QUYHOP', name: 'Ủy ban nhân dân huyện Quỳ Hợp' },
    applicant: {
      __typename: 'Applicant',
      kind: 'PERSON',
      name: 'Nguyễn Thị Lan',
      identityNumber: '040190000123',
      phone: '0912345678',
      address: 'Xã Châu Quang, Quỳ Hợp',
    },
    currentStep: { __typename: 'ProcedureStep', id: 'U3RlcDoy', ordinal: 2, name: 'Thẩm định, xử lý hồ sơ' },
    currentOfficial: { __typename: 'Official', id: 'T2ZmOjE=', fullName: 'Trần Văn Bình', position: 'Công chức Tư pháp - Hộ tịch' },
    apology: null,
    rejection: null,
    events: [
      {
        __typename: 'DossierEvent',
        seq: 1,
        transition: 'RECEIVE',
        fromStatus: null,
        toStatus: 'RECEIVED',
        at: '2023-04-15T02:30:00Z',
        reason: null,
        step: { __typename: 'ProcedureStep', id: 'U3RlcDox', ordinal: 1, name: 'Tiếp nhận hồ sơ' },
        unit: { __typename: 'Unit', id: 'VW5pdDox', name: 'Ủy ban nhân dân huyện Quỳ Hợp' },
        official: { __typename: 'Official', id: 'T2ZmOjI=', fullName: 'Hoàng Thị Mai', position: 'Công chức Bộ phận một cửa' },
      },
      {
        __typename: 'DossierEvent',
        seq: 2,
        transition: 'ADVANCE',
        fromStatus: 'RECEIVED',
        toStatus: 'PROCESSING',
        at: '2023-04-17T01:00:00Z',
        reason: null,
        step: { __typename: 'ProcedureStep', id: 'U3RlcDoy', ordinal: 2, name: 'Thẩm định, xử lý hồ sơ' },
        unit: { __typename: 'Unit', id: 'VW5pdDox', name: 'Ủy ban nhân dân huyện Quỳ Hợp' },
        official: { __typename: 'Official', id: 'T2ZmOjE=', fullName: 'Trần Văn Bình', position: 'Công chức Tư pháp - Hộ tịch' },
      },
    ],
    ...overrides,
  } as DossierDetailFieldsFragment;
}
