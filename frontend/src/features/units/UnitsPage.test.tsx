import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders } from '../../test/render';
import UnitsPage, { UnitTreeQuery, asOfFromParams } from './UnitsPage';

const inspector = staticAuth({ username: 'an', displayName: 'An', roles: ['inspector'] });

const unit = (id: string, code: string, name: string, level: string, validTo: string | null, successors: unknown[] = []) => ({
  __typename: 'Unit',
  id,
  code,
  name,
  level,
  oneStopShop: level !== 'PROVINCE',
  validFrom: '2020-01-01',
  validTo,
  successors,
});

const province = unit('U0', 'NA', 'Ủy ban nhân dân tỉnh Nghệ An', 'PROVINCE', null);
const district = unit('U1', 'NA-DOLUONG', 'Ủy ban nhân dân huyện Đô Lương', 'DISTRICT', '2025-06-30', [
  { __typename: 'UnitSuccession', kind: 'MERGED_INTO', effectiveOn: '2025-07-01', successor: { __typename: 'Unit', id: 'U9', name: 'Ủy ban nhân dân xã Đô Lương' } },
]);
const commune = unit('U9', 'NA-XA-DOLUONG', 'Ủy ban nhân dân xã Đô Lương', 'COMMUNE', null);

const tree = (asOf: string, entries: { depth: number; unit: unknown }[]) => ({
  request: { query: UnitTreeQuery, variables: { asOf } },
  result: { data: { unitTree: entries.map((entry) => ({ __typename: 'UnitTreeEntry', ...entry })) } },
});

describe('UnitsPage', () => {
  it('shows the districts before the 2025 reform and the merged communes after it', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<UnitsPage />, {
      auth: inspector,
      route: '/units?asOf=2024-01-01',
      mocks: [
        tree('2024-01-01', [
          { depth: 0, unit: province },
          { depth: 1, unit: district },
        ]),
        tree('2025-07-01', [
          { depth: 0, unit: province },
          { depth: 1, unit: commune },
        ]),
      ],
    });

    const before = await screen.findAllByTestId('unit-row');
    expect(before.map((row) => row.getAttribute('data-level'))).toEqual(['PROVINCE', 'DISTRICT']);
    expect(within(before[1]!).getByText('Sáp nhập vào Ủy ban nhân dân xã Đô Lương từ 01/07/2025')).toBeInTheDocument();
    expect(within(before[1]!).getByText('01/01/2020 – 30/06/2025')).toBeInTheDocument();
    expect(screen.getByTestId('units-caption')).toHaveTextContent('còn cấp huyện');

    await user.click(screen.getByTestId('units-after-reform'));
    await screen.findByText('Ủy ban nhân dân xã Đô Lương', { selector: 'p' });
    const after = screen.getAllByTestId('unit-row');
    expect(after.map((row) => row.getAttribute('data-level'))).toEqual(['PROVINCE', 'COMMUNE']);
    expect(screen.getByTestId('units-caption')).toHaveTextContent('hai cấp');
  });

  it('reads the date from the link, falling back to today', () => {
    expect(asOfFromParams(new URLSearchParams('asOf=2025-06-30'), '2026-01-01')).toBe('2025-06-30');
    expect(asOfFromParams(new URLSearchParams('asOf=30/06/2025'), '2026-01-01')).toBe('2026-01-01');
  });
});
