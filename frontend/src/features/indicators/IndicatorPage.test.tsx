import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders } from '../../test/render';
import IndicatorPage, { IndicatorDossiersQuery, IndicatorProceduresQuery } from './IndicatorPage';
import { IndicatorScorecardQuery } from './scorecardQuery';
import { SYT, dossierRow, inspectorLead, scorecard } from './testFixtures';

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));
const MAY_2025 = { kind: 'MONTH', year: 2025, number: 5 };
const SYT_CARD = scorecard({ unit: { ...SYT, level: 'DEPARTMENT' } as never, period: { __typename: 'IndicatorPeriod', kind: 'MONTH', from: '2025-05-01', to: '2025-05-31' } as never });

const connection = (typename: string, nodes: object[], totalCount: number, hasNextPage = false) => ({
  __typename: typename,
  totalCount,
  pageInfo: { __typename: 'PageInfo', hasNextPage, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c2' },
  nodes,
});

const drill = (part: string, nodes: object[], totalCount: number, paging: object = { first: 20 }) => ({
  request: {
    query: IndicatorDossiersQuery,
    variables: { unit: SYT.id, includeSubunits: false, period: MAY_2025, indicator: 'DOSSIERS_RESOLVED_ON_TIME', part, ...paging },
  },
  result: { data: { indicatorDossiers: connection('DossierConnection', nodes, totalCount, totalCount > 20) } },
});

function renderPage(route: string, mocks: object[]) {
  return renderWithProviders(
    <Routes>
      <Route path="/dashboard/indicators/:code" element={<IndicatorPage />} />
    </Routes>,
    { route, auth: staticAuth(inspectorLead), mocks: repeatable(mocks) as never },
  );
}

const scorecardMock = {
  request: { query: IndicatorScorecardQuery, variables: { unit: SYT.id, includeSubunits: false, period: MAY_2025 } },
  result: { data: { indicatorScorecard: SYT_CARD } },
};

describe('IndicatorPage', () => {
  it('explains the indicator and lists the dossiers behind its denominator, each linking to its page', async () => {
    renderPage(`/dashboard/indicators/DOSSIERS_RESOLVED_ON_TIME?unit=${SYT.id}&sub=0&period=month&y=2025&n=5&part=denominator`, [
      scorecardMock,
      drill('DENOMINATOR', [dossierRow(), dossierRow({ id: 'RG9zc2llcjoy', receiptCode: 'NA-SYT-250420-000200', status: 'PROCESSING', overdue: true })], 200),
    ]);

    expect(await screen.findByTestId('indicator-title')).toHaveTextContent('Hồ sơ giải quyết đúng hạn');
    expect(screen.getByTestId('indicator-formula')).toHaveTextContent('Số hồ sơ đến hạn trong kỳ được giải quyết đúng hạn ÷ số hồ sơ đến hạn trong kỳ');
    expect(screen.getByTestId('indicator-facts')).toHaveTextContent('75%');
    expect(within(screen.getByTestId('indicator-breadcrumbs')).getByTestId('indicator-unit')).toHaveAttribute(
      'href',
      `/dashboard?unit=${encodeURIComponent(SYT.id)}&sub=0&period=month&y=2025&n=5&tab=scorecard`,
    );
    expect(within(screen.getByTestId('indicator-part')).getByLabelText('Mẫu số (200)')).toBeChecked();

    const rows = await screen.findAllByTestId('dossier-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: 'NA-SYT-250415-000123' })).toHaveAttribute('href', '/dossiers/NA-SYT-250415-000123');
    expect(rows[1]).toHaveTextContent('Quá hạn');
    expect(screen.getByTestId('total-count')).toHaveTextContent('Đang hiển thị 2 trong tổng số 200');
  });

  it('offers only the page sizes the API affords for dossier rows, and reads a link asking for 100 as 20', async () => {
    renderPage(`/dashboard/indicators/DOSSIERS_RESOLVED_ON_TIME?unit=${SYT.id}&sub=0&period=month&y=2025&n=5&size=100`, [
      scorecardMock,
      drill('NUMERATOR', [dossierRow()], 1),
    ]);

    expect(await screen.findAllByTestId('dossier-row')).toHaveLength(1);
    const sizes = screen.getByLabelText('Số dòng mỗi trang') as HTMLSelectElement;
    expect([...sizes.options].map((option) => option.value)).toEqual(['20', '50']);
    expect(sizes.value).toBe('20');
  });

  it('asks for the shortfall when the reader switches to it, and pages forward with the cursor', async () => {
    const user = userEvent.setup();
    renderPage(`/dashboard/indicators/DOSSIERS_RESOLVED_ON_TIME?unit=${SYT.id}&sub=0&period=month&y=2025&n=5`, [
      scorecardMock,
      drill('NUMERATOR', [dossierRow()], 150),
      drill('SHORTFALL', [dossierRow({ id: 'RG9zc2llcjoz', receiptCode: 'NA-SYT-250501-000300', late: true })], 50),
      drill('SHORTFALL', [dossierRow({ id: 'RG9zc2llcjo0', receiptCode: 'NA-SYT-250502-000301' })], 50, { first: 20, after: 'c2' }),
    ]);

    expect(await screen.findByRole('link', { name: 'NA-SYT-250415-000123' })).toBeInTheDocument();
    await user.click(within(screen.getByTestId('indicator-part')).getByLabelText('Chưa đạt (50)'));
    expect(await screen.findByRole('link', { name: 'NA-SYT-250501-000300' })).toBeInTheDocument();
    await user.click(screen.getByTestId('page-next'));
    expect(await screen.findByRole('link', { name: 'NA-SYT-250502-000301' })).toBeInTheDocument();
  });

  it('lists the procedures behind a procedure-based indicator', async () => {
    renderPage(`/dashboard/indicators/PROCEDURES_ANNOUNCED_ON_TIME?unit=${SYT.id}&sub=0&period=month&y=2025&n=5`, [
      scorecardMock,
      {
        request: {
          query: IndicatorProceduresQuery,
          variables: { unit: SYT.id, includeSubunits: false, period: MAY_2025, indicator: 'PROCEDURES_ANNOUNCED_ON_TIME', part: 'NUMERATOR', first: 20 },
        },
        result: {
          data: {
            indicatorProcedures: connection(
              'ProcedureConnection',
              [{ __typename: 'Procedure', id: 'UHJvYzox', nationalCode: '1.001234', name: 'Cấp giấy phép hành nghề', effectiveOn: '2025-05-01', announcedOn: '2025-04-28', publishedOn: '2025-05-02' }],
              1,
            ),
          },
        },
      },
    ]);

    const rows = await screen.findAllByTestId('procedure-row');
    expect(rows[0]).toHaveTextContent('1.001234Cấp giấy phép hành nghề01/05/202528/04/202502/05/2025');
  });

  it('says so when the indicator is not in the rule set, with a way back', async () => {
    renderPage(`/dashboard/indicators/NO_SUCH_THING?unit=${SYT.id}&sub=0&period=month&y=2025&n=5`, [scorecardMock]);
    expect(await screen.findByTestId('indicator-unknown')).toHaveTextContent('Không có chỉ số này');
  });

  it('shows why a page of dossiers could not be loaded', async () => {
    renderPage(`/dashboard/indicators/DOSSIERS_RESOLVED_ON_TIME?unit=${SYT.id}&sub=0&period=month&y=2025&n=5`, [
      scorecardMock,
      {
        request: drill('NUMERATOR', [], 0).request,
        result: { errors: [{ message: 'Forbidden', extensions: { classification: 'FORBIDDEN' } }] },
      },
    ]);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Bạn không có quyền thực hiện thao tác này.'));
  });
});
