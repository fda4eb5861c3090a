import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UnitSelectTreeQuery } from '../../components/UnitSelect';
import { staticAuth } from '../../lib/auth/staticAuth';
import { todayInVietnam } from '../../lib/format';
import { renderWithProviders } from '../../test/render';
import ProceduresPage, { ProcedureDetailQuery, ProcedureListQuery } from './ProceduresPage';

const procedure = {
  __typename: 'Procedure',
  id: 'UHJvYzox',
  nationalCode: '1.004227',
  name: 'Đăng ký khai sinh',
  field: 'CIVIL_STATUS',
  authorityLevel: 'COMMUNE',
  statutoryWorkingDays: 3,
  onlineLevel: 'FULL',
  published: false,
  reviewState: 'PROPOSED_SIMPLIFICATION',
  unit: { __typename: 'Unit', id: 'U1', name: 'Ủy ban nhân dân xã Châu Quang' },
};

describe('ProceduresPage', () => {
  it('lists procedures with their state and opens the steps in a drawer', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<ProceduresPage />, {
      auth: staticAuth({ username: 'an', displayName: 'An', roles: ['inspector'] }),
      route: '/procedures?field=CIVIL_STATUS',
      mocks: [
        { request: { query: UnitSelectTreeQuery, variables: { asOf: todayInVietnam() } }, result: { data: { unitTree: [] } } },
        {
          request: { query: ProcedureListQuery, variables: { filter: { field: 'CIVIL_STATUS' }, first: 20 } },
          result: {
            data: {
              procedures: {
                __typename: 'ProcedureConnection',
                totalCount: 1,
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, hasPreviousPage: false, startCursor: 'a', endCursor: 'a' },
                nodes: [procedure],
              },
            },
          },
        },
        {
          request: { query: ProcedureDetailQuery, variables: { id: 'UHJvYzox' } },
          result: {
            data: {
              node: {
                ...procedure,
                fee: 8000,
                version: 1,
                effectiveOn: '2024-01-01',
                announcedOn: '2023-12-28',
                publishedOn: null,
                fullContentPublished: false,
                onlinePaymentEnabled: false,
                portalPaymentConfigured: false,
                populationDbConnected: true,
                steps: [
                  { __typename: 'ProcedureStep', id: 'S1', ordinal: 1, name: 'Tiếp nhận hồ sơ', allowanceWorkingDays: 1, responsibleUnit: procedure.unit },
                  { __typename: 'ProcedureStep', id: 'S2', ordinal: 2, name: 'Thẩm định, xử lý hồ sơ', allowanceWorkingDays: 2, responsibleUnit: null },
                ],
              },
            },
          },
        },
      ],
    });

    const [row] = await screen.findAllByTestId('procedure-row');
    expect(row).toHaveTextContent('1.004227');
    expect(row).toHaveTextContent('Chưa công khai');
    expect(row).toHaveTextContent('Đề nghị đơn giản hóa');
    expect(row).toHaveTextContent('Cấp xã');

    await user.click(within(row!).getByRole('button', { name: 'Đăng ký khai sinh' }));
    const steps = await screen.findByTestId('procedure-steps');
    expect(within(steps).getAllByRole('row')).toHaveLength(3);
    expect(steps).toHaveTextContent('Thẩm định, xử lý hồ sơ2 ngày làm việc—');
    expect(screen.getByTestId('procedure-detail')).toHaveTextContent('8.000 ₫');
    expect(screen.getByTestId('procedure-facts')).toHaveTextContent('Ngày công bố28/12/2023');
    expect(screen.getByTestId('procedure-facts')).toHaveTextContent('Đã kết nối Cơ sở dữ liệu quốc gia về dân cưCó');
    expect(screen.getByRole('link', { name: 'Xem hồ sơ của thủ tục này' })).toHaveAttribute('href', '/dossiers?procedure=UHJvYzox');
  });
});
