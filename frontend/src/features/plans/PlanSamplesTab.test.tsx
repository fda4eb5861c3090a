import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../app/AppRoutes';
import { staticAuth } from '../../lib/auth/staticAuth';
import { LocationProbe } from '../../test/LocationProbe';
import { renderWithProviders } from '../../test/render';
import { PlanDetailQuery } from './PlanDetailPage';
import { DossierSampleDrawMutation, DossierSampleExamineMutation, drawInput, PlanSamplesQuery } from './PlanSamplesTab';
import { outsider, member, PLAN_ID, PLAN_NUMBER, planDetail, QUY_HOP, sample, sampleItem } from './testFixtures';

/** Many form interactions: give a busy build machine time. */
const SLOW = 45_000;

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));
const detailMock = (plan = planDetail()) => ({ request: { query: PlanDetailQuery, variables: { number: PLAN_NUMBER } }, result: { data: { inspectionPlan: plan } } });
const samplesResult = (samples: object[]) => ({ data: { inspectionPlan: { __typename: 'InspectionPlan', id: PLAN_ID, samples } } });

const page = (
  <>
    <AppRoutes />
    <LocationProbe />
  </>
);

describe('PlanSamplesTab', () => {
  it('checks the draw form, sends the population chosen and opens the sample drawn', async () => {
    const user = userEvent.setup({ delay: null });
    const drawn = sample();
    let samples: object[] = [];
    renderWithProviders(page, {
      route: '/plans/2960%2FKH-TTCP?tab=samples',
      auth: staticAuth(member),
      mocks: [
        ...repeatable([detailMock(), { request: { query: PlanSamplesQuery, variables: { number: PLAN_NUMBER } }, result: () => samplesResult(samples) }]),
        {
          request: {
            query: DossierSampleDrawMutation,
            variables: {
              input: {
                planId: PLAN_ID,
                name: 'Hồ sơ trễ hạn Quỳ Hợp',
                population: { unitId: QUY_HOP.id, outcomes: ['RESOLVED_LATE', 'OPEN_OVERDUE'], field: 'LAND' },
                size: 30,
                stratifyByField: true,
                seed: 'a1b2c3',
              },
            },
          },
          result: () => {
            samples = [drawn];
            return { data: { dossierSampleDraw: { __typename: 'DossierSamplePayload', sample: drawn, userErrors: [] } } };
          },
        },
      ],
    });

    expect(await screen.findByTestId('samples-empty')).toHaveTextContent('Chưa chọn mẫu nào.');
    await user.clear(screen.getByTestId('sample-size'));
    await user.click(screen.getByTestId('sample-draw'));
    expect(screen.getByTestId('sample-name')).toHaveAccessibleDescription('Vui lòng đặt tên cho mẫu.');
    expect(screen.getByTestId('sample-size')).toHaveAccessibleDescription(/số nguyên từ 1 đến 500\./);

    fireEvent.change(screen.getByTestId('sample-name'), { target: { value: 'Hồ sơ trễ hạn Quỳ Hợp' } });
    await user.click(screen.getByTestId('sample-unit'));
    await user.click(await screen.findByRole('option', { name: QUY_HOP.name }));
    await user.click(screen.getByTestId('sample-outcomes'));
    await user.click(await screen.findByRole('option', { name: 'Giải quyết quá hạn' }));
    await user.click(await screen.findByRole('option', { name: 'Đang giải quyết quá hạn' }));
    await user.click(screen.getByTestId('sample-field'));
    await user.click(await screen.findByRole('option', { name: 'Đất đai' }));
    await user.clear(screen.getByTestId('sample-size'));
    await user.type(screen.getByTestId('sample-size'), '30');
    await user.click(screen.getByTestId('sample-stratify'));
    fireEvent.change(screen.getByTestId('sample-seed'), { target: { value: ' a1b2c3 ' } });
    await user.click(screen.getByTestId('sample-draw'));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`sample=${encodeURIComponent(drawn.id)}`));
    const row = await screen.findByTestId('sample-row');
    expect(row).toHaveTextContent('Hồ sơ trễ hạn Quỳ Hợp');
    expect(row).toHaveTextContent('Ủy ban nhân dân huyện Quỳ Hợp · Giải quyết quá hạn, Đang giải quyết quá hạn · 2 trong 137 hồ sơ · phân tầng theo lĩnh vực');
    expect(row).toHaveTextContent('Đã kiểm tra 0/2');
    expect(await screen.findAllByTestId('sample-item')).toHaveLength(2);
    expect(screen.getByTestId('sample-seed-value')).toHaveTextContent('Mã khởi tạo: a1b2c3');
    expect(screen.getByTestId('sample-name')).toHaveValue('');
  }, SLOW);

  it('records an examination, asking for a note when the dossier is not compliant', async () => {
    const user = userEvent.setup({ delay: null });
    const examined = sample({
      examinedCount: 1,
      items: [sampleItem(1, { result: 'NON_COMPLIANT', note: 'Không có văn bản xin lỗi', examinedBy: 'Trần Thị Bình', examinedAt: '2024-04-03T03:00:00Z' }), sampleItem(2)],
    });
    const sent = vi.fn();
    renderWithProviders(page, {
      route: `/plans/2960%2FKH-TTCP?tab=samples&sample=${encodeURIComponent(sample().id)}`,
      auth: staticAuth(member),
      mocks: [
        ...repeatable([detailMock(), { request: { query: PlanSamplesQuery, variables: { number: PLAN_NUMBER } }, result: samplesResult([sample()]) }]),
        {
          request: {
            query: DossierSampleExamineMutation,
            variables: { input: { sampleId: sample().id, ordinal: 1, result: 'NON_COMPLIANT', note: 'Không có văn bản xin lỗi' } },
          },
          result: () => (sent(), { data: { dossierSampleExamine: { __typename: 'DossierSamplePayload', sample: examined, userErrors: [] } } }),
        },
      ],
    });

    const items = await screen.findAllByTestId('sample-item');
    expect(items[0]).toHaveTextContent('NA-QUYHOP-230415-000121');
    expect(within(items[0]!).getByRole('link', { name: 'NA-QUYHOP-230415-000121' })).toHaveAttribute('href', '/dossiers/NA-QUYHOP-230415-000121');
    expect(items[0]).toHaveTextContent('Chưa kiểm tra');

    await user.click(within(items[0]!).getByTestId('sample-examine'));
    await user.click(await screen.findByRole('radio', { name: 'Không đúng quy định' }));
    await user.click(screen.getByTestId('sample-examine-save'));
    expect(screen.getByTestId('sample-examine-note')).toHaveAccessibleDescription(/Vui lòng ghi rõ sai phạm/);
    expect(sent).not.toHaveBeenCalled();

    await user.type(screen.getByTestId('sample-examine-note'), 'Không có văn bản xin lỗi');
    await user.click(screen.getByTestId('sample-examine-save'));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toHaveBeenCalledTimes(1);
    const after = screen.getAllByTestId('sample-item');
    expect(within(after[0]!).getByTestId('sample-item-result')).toHaveTextContent('Không đúng quy định');
    expect(after[0]).toHaveTextContent('Trần Thị Bình');
    expect(screen.getByTestId('sample-row')).toHaveTextContent('Đã kiểm tra 1/2');
  }, SLOW);

  it('shows samples without the draw form or examine actions to someone outside the team', async () => {
    renderWithProviders(page, {
      route: `/plans/2960%2FKH-TTCP?tab=samples&sample=${encodeURIComponent(sample().id)}`,
      auth: staticAuth(outsider),
      mocks: repeatable([detailMock(), { request: { query: PlanSamplesQuery, variables: { number: PLAN_NUMBER } }, result: samplesResult([sample()]) }]),
    });
    expect(await screen.findAllByTestId('sample-item')).toHaveLength(2);
    expect(screen.queryByTestId('sample-draw-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('sample-draw-closed')).toHaveTextContent('Chỉ thành viên đoàn thanh tra');
    expect(screen.queryByTestId('sample-examine')).not.toBeInTheDocument();
  }, SLOW);

  it('leaves out the filters not chosen and the seed when none is given', () => {
    expect(drawInput(PLAN_ID, { name: ' Mẫu ', unitId: null, outcomes: [], field: null, size: 10, stratifyByField: false, seed: ' ' })).toEqual({
      planId: PLAN_ID,
      name: 'Mẫu',
      population: {},
      size: 10,
      stratifyByField: false,
    });
  });
});
