import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders } from '../../test/render';
import ReceptionPage, { DossierReceiveMutation, ReceptionProceduresQuery } from './ReceptionPage';
import { validateReception, EMPTY_RECEPTION } from './receptionForm';
import { unitHead } from './testFixtures';

const procedures = {
  request: { query: ReceptionProceduresQuery, variables: { filter: {}, first: 50 } },
  result: {
    data: {
      procedures: {
        __typename: 'ProcedureConnection',
        totalCount: 1,
        nodes: [
          {
            __typename: 'Procedure',
            id: 'UHJvYzox',
            nationalCode: '1.004227',
            name: 'Đăng ký khai sinh',
            statutoryWorkingDays: 5,
            reviewState: 'IN_FORCE',
            unit: { __typename: 'Unit', id: 'VW5pdDox', name: 'Ủy ban nhân dân huyện Quỳ Hợp' },
          },
        ],
      },
    },
  },
  maxUsageCount: 5,
};

describe('validateReception', () => {
  it('wants a procedure, a name and a well-formed identity number', () => {
    expect(validateReception(EMPTY_RECEPTION, { needsUnit: false })).toEqual({
      procedureId: 'reception.validation.procedure',
      applicantName: 'reception.validation.name',
    });
    const person = { ...EMPTY_RECEPTION, procedureId: 'P', applicantName: 'Lan', identityNumber: '12345' };
    expect(validateReception(person, { needsUnit: true })).toEqual({ unitId: 'reception.validation.unit', identityNumber: 'reception.validation.citizenId' });
    expect(validateReception({ ...person, identityNumber: '186123456' }, { needsUnit: false })).toEqual({});
    expect(validateReception({ ...person, applicantKind: 'ORGANISATION', identityNumber: '2900123456-001' }, { needsUnit: false })).toEqual({});
    expect(validateReception({ ...person, applicantKind: 'ORGANISATION', identityNumber: '040190000123' }, { needsUnit: false })).toEqual({
      identityNumber: 'reception.validation.taxCode',
    });
    expect(validateReception({ ...person, identityNumber: '', phone: '091' }, { needsUnit: false })).toEqual({ phone: 'reception.validation.phone' });
  });
});

describe('ReceptionPage', () => {
  it('receives a dossier and shows the receipt code, due date and the one-time lookup secret', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<ReceptionPage />, {
      auth: staticAuth(unitHead),
      mocks: [
        procedures,
        {
          request: {
            query: DossierReceiveMutation,
            variables: {
              input: { procedureId: 'UHJvYzox', applicantKind: 'PERSON', applicantName: 'Nguyễn Thị Lan', channel: 'DIRECT', onlinePayment: false, digitisedDossier: false, identityNumber: '040190000123' },
            },
          },
          result: {
            data: {
              dossierReceive: {
                __typename: 'DossierReceivePayload',
                dossier: {
                  __typename: 'Dossier',
                  id: 'RG9zc2llcjo5',
                  receiptCode: 'NA-QUYHOP-240301-000009',
                  dueDate: '2024-03-08',
                  status: 'RECEIVED',
                  procedure: { __typename: 'Procedure', id: 'UHJvYzox', name: 'Đăng ký khai sinh', statutoryWorkingDays: 5 },
                  unit: { __typename: 'Unit', id: 'VW5pdDox', name: 'Ủy ban nhân dân huyện Quỳ Hợp' },
                },
                lookupSecret: 'K7Q2-M9XD',
                userErrors: [],
              },
            },
          },
        },
      ],
    });

    await user.click(screen.getByTestId('reception-submit'));
    expect(screen.getByTestId('reception-applicantName')).toHaveAccessibleDescription('Vui lòng nhập tên người nộp.');

    await user.click(screen.getByTestId('reception-procedure'));
    await user.click(await screen.findByRole('option', { name: '1.004227 – Đăng ký khai sinh' }));
    await user.type(screen.getByTestId('reception-applicantName'), 'Nguyễn Thị Lan');
    await user.type(screen.getByTestId('reception-identityNumber'), '040190000123');
    await user.click(screen.getByTestId('reception-submit'));

    expect(await screen.findByTestId('lookup-secret')).toHaveTextContent('K7Q2-M9XD');
    expect(screen.getByTestId('reception-receipt-code')).toHaveTextContent('NA-QUYHOP-240301-000009');
    expect(screen.getByTestId('reception-due-date')).toHaveTextContent('08/03/2024');
    expect(screen.getByTestId('lookup-secret-panel')).toHaveTextContent('chỉ hiển thị một lần');
    expect(screen.getByTestId('reception-open-dossier')).toHaveAttribute('href', '/dossiers/NA-QUYHOP-240301-000009');
  });
});
