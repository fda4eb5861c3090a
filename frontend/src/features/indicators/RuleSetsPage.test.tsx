import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders } from '../../test/render';
import RuleSetsPage, { IndicatorRuleSetCreateMutation, IndicatorRuleSetsQueryDocument, draftFrom, maximaSum } from './RuleSetsPage';
import { admin, inspectorLead } from './testFixtures';

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));

const rule = (code: string, weight: number, fullAt = 1) => ({ __typename: 'IndicatorRule', code, weight, cap: weight, fullAt });
const RULE_SET = {
  __typename: 'IndicatorRuleSet',
  id: 'SW5kaWNhdG9yUnVsZVNldDox',
  name: 'Quyết định 766/QĐ-TTg (2022)',
  effectiveFrom: '2022-06-23',
  excellentFrom: 90,
  goodFrom: 70,
  averageFrom: 50,
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: null,
  groups: [
    { __typename: 'IndicatorGroupRule', group: 'PROGRESS', maxPoints: 60, indicators: [rule('DOSSIERS_RESOLVED_ON_TIME', 60)] },
    { __typename: 'IndicatorGroupRule', group: 'SATISFACTION', maxPoints: 40, indicators: [rule('DOSSIER_SATISFACTION', 40, 0.9)] },
  ],
};
const list = { request: { query: IndicatorRuleSetsQueryDocument }, result: { data: { indicatorRuleSets: [RULE_SET] } } };

describe('RuleSetsPage', () => {
  it('shows each rule set’s thresholds, group maxima, weights, caps and full-points rate', async () => {
    renderWithProviders(<RuleSetsPage />, { auth: staticAuth(inspectorLead), mocks: repeatable([list]) });
    const ruleSet = await screen.findByTestId('rule-set');
    expect(ruleSet).toHaveTextContent('Hiệu lực từ 23/06/2022');
    expect(ruleSet).toHaveTextContent('xuất sắc từ 90 điểm, tốt từ 70, trung bình từ 50');
    expect(ruleSet).toHaveTextContent('Hài lòng với việc giải quyết hồ sơ404090 %');
    expect(screen.queryByTestId('rule-set-new')).not.toBeInTheDocument();
  });

  it('lets an administrator add a rule set from the newest one, placing the server’s objections by field', async () => {
    const user = userEvent.setup();
    const input = { ...draftFrom(RULE_SET as never, '2027-01-01'), name: 'Bộ tiêu chí 2027' };
    renderWithProviders(<RuleSetsPage />, {
      auth: staticAuth(admin),
      mocks: repeatable([
        list,
        {
          request: { query: IndicatorRuleSetCreateMutation, variables: { input } },
          result: {
            data: {
              indicatorRuleSetCreate: {
                __typename: 'IndicatorRuleSetPayload',
                ruleSet: null,
                userErrors: [
                  { __typename: 'UserError', field: ['input', 'groups', '1', 'indicators', '0', 'fullAt'], code: 'OUT_OF_RANGE', message: 'out of range' },
                  { __typename: 'UserError', field: ['input', 'groups'], code: 'NOT_100', message: 'not 100' },
                ],
              },
            },
          },
        },
      ]),
    });

    await user.click(await screen.findByTestId('rule-set-new'));
    await user.type(screen.getByTestId('rule-set-name'), 'Bộ tiêu chí 2027');
    const date = screen.getByTestId('rule-set-effective');
    await user.clear(date);
    await user.type(date, '2027-01-01');
    expect(screen.getByTestId('rule-set-sum')).toHaveTextContent('100/100');
    await user.click(screen.getByTestId('rule-set-submit'));

    expect(await screen.findByTestId('rule-set-errors')).toHaveTextContent('Tổng điểm tối đa của sáu nhóm phải bằng 100.');
    const fullAt = screen.getByLabelText('Hài lòng với việc giải quyết hồ sơ: Tỉ lệ đạt điểm tối đa (0–1)');
    expect(fullAt).toHaveAttribute('aria-invalid', 'true');
    expect(within(fullAt.closest('td')!).getByText('Giá trị nằm ngoài khoảng cho phép.')).toBeInTheDocument();
  });

  it('adds up the groups’ maxima as the administrator edits them', () => {
    const draft = draftFrom(RULE_SET as never, '2027-01-01');
    expect(maximaSum(draft)).toBe(100);
    expect(maximaSum({ ...draft, groups: [{ ...draft.groups[0]!, maxPoints: 55.5 }, draft.groups[1]!] })).toBe(95.5);
  });
});
