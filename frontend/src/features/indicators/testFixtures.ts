import type {
  DelayListFieldsFragment,
  IndicatorDossierRowFragment,
  IndicatorRankingQuery,
  IndicatorScorecardQuery,
} from '../../gql/graphql';
import type { AuthUser } from '../../lib/auth/user';

type Scorecard = IndicatorScorecardQuery['indicatorScorecard'];
type Indicator = Scorecard['groups'][number]['indicators'][number];

export const inspectorLead: AuthUser = { username: 'inspector.lead', displayName: 'Nguyễn Văn Thanh', roles: ['inspector'], unitCode: 'NA-TTT' };
export const headSyt: AuthUser = { username: 'head.syt', displayName: 'Trần Văn Bình', roles: ['unit_head'], unitCode: 'NA-SYT' };
export const admin: AuthUser = { username: 'admin', displayName: 'Lê Minh Quân', roles: ['admin'], unitCode: 'NA-UBND' };

const text = (vi: string, en: string) => ({ __typename: 'LocalizedText' as const, vi, en });
export const unit = (id: string, code: string, name: string) => ({ __typename: 'Unit' as const, id, code, name });
export const PROVINCE = unit('VW5pdDox', 'NA', 'Tỉnh Nghệ An');
export const SYT = unit('VW5pdDoy', 'NA-SYT', 'Sở Y tế');
export const STNMT = unit('VW5pdDoz', 'NA-STNMT', 'Sở Tài nguyên và Môi trường');
export const NGHILOC = unit('VW5pdDo0', 'NA-NGHILOC', 'Ủy ban nhân dân huyện Nghi Lộc');

export function indicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    __typename: 'IndicatorScore',
    code: 'DOSSIERS_RESOLVED_ON_TIME',
    group: 'PROGRESS',
    name: text('Hồ sơ giải quyết đúng hạn', 'Dossiers resolved on time'),
    basis: 'DOSSIERS',
    formula: text(
      'Số hồ sơ đến hạn trong kỳ được giải quyết đúng hạn ÷ số hồ sơ đến hạn trong kỳ; 20 điểm khi đạt 100 %.',
      'Dossiers due in the period resolved on time ÷ dossiers due in the period; 20 points at 100 %.',
    ),
    numerator: 150,
    denominator: 200,
    rate: 0.75,
    points: 15,
    weight: 20,
    cap: 20,
    fullAt: 1,
    noData: false,
    noDataReason: null,
    ...overrides,
  } as Indicator;
}

export function scorecard(overrides: Partial<Scorecard> = {}): Scorecard {
  return {
    __typename: 'IndicatorScorecard',
    unit: { ...PROVINCE, level: 'PROVINCE' },
    includeSubunits: true,
    period: { __typename: 'IndicatorPeriod', kind: 'QUARTER', from: '2025-04-01', to: '2025-06-30' },
    ruleSet: {
      __typename: 'IndicatorRuleSet',
      id: 'SW5kaWNhdG9yUnVsZVNldDox',
      name: 'Quyết định 766/QĐ-TTg (2022)',
      effectiveFrom: '2022-06-23',
      excellentFrom: 90,
      goodFrom: 70,
      averageFrom: 50,
    },
    total: 82.5,
    attainablePoints: 94,
    band: 'GOOD',
    dossiersReceived: 1234,
    groups: [
      {
        __typename: 'IndicatorGroupScore',
        group: 'PUBLICITY',
        name: text('Công khai, minh bạch', 'Publicity and transparency'),
        points: 16,
        maxPoints: 18,
        indicators: [
          indicator({
            code: 'PROCEDURES_ANNOUNCED_ON_TIME',
            group: 'PUBLICITY',
            name: text('Thủ tục được công bố đúng hạn', 'Procedures announced on time'),
            basis: 'PROCEDURES',
            numerator: 40,
            denominator: 40,
            rate: 1,
            points: 6,
            weight: 6,
            cap: 6,
          }),
        ],
      },
      {
        __typename: 'IndicatorGroupScore',
        group: 'PROGRESS',
        name: text('Tiến độ giải quyết', 'Processing progress'),
        points: 15,
        maxPoints: 20,
        indicators: [indicator()],
      },
      {
        __typename: 'IndicatorGroupScore',
        group: 'SATISFACTION',
        name: text('Mức độ hài lòng', 'Satisfaction'),
        points: 0,
        maxPoints: 18,
        indicators: [
          indicator({
            code: 'FEEDBACK_ANSWERED_ON_TIME',
            group: 'SATISFACTION',
            name: text('Phản ánh được trả lời đúng hạn', 'Feedback answered on time'),
            basis: 'FEEDBACK',
            numerator: null,
            denominator: null,
            rate: null,
            points: 0,
            weight: 6,
            cap: 6,
            noData: true,
            noDataReason: 'SOURCE_MISSING',
          }),
          indicator({
            code: 'DOSSIER_SATISFACTION',
            group: 'SATISFACTION',
            name: text('Mức độ hài lòng với hồ sơ', 'Dossier satisfaction'),
            numerator: 0,
            denominator: 0,
            rate: null,
            points: 0,
            weight: 6,
            cap: 6,
            fullAt: 0.9,
            noData: true,
            noDataReason: 'ZERO_DENOMINATOR',
          }),
        ],
      },
    ],
    ...overrides,
  } as Scorecard;
}

type RankingEntry = IndicatorRankingQuery['indicatorRanking'][number];

export function rankingEntry(rank: number, u: ReturnType<typeof unit>, total: number, band: RankingEntry['scorecard']['band']): RankingEntry {
  return {
    __typename: 'IndicatorRankingEntry',
    rank,
    scorecard: {
      __typename: 'IndicatorScorecard',
      unit: u,
      total,
      band,
      attainablePoints: 100,
      dossiersReceived: 100 * rank,
      groups: (['PUBLICITY', 'PROGRESS', 'ONLINE_SERVICES', 'ONLINE_PAYMENT', 'DIGITISATION', 'SATISFACTION'] as const).map((group) => ({
        __typename: 'IndicatorGroupScore' as const,
        group,
        points: total / 6,
        maxPoints: 100 / 6,
      })),
    },
  } as RankingEntry;
}

export function dossierRow(overrides: Partial<IndicatorDossierRowFragment> = {}): IndicatorDossierRowFragment {
  return {
    __typename: 'Dossier',
    id: 'RG9zc2llcjox',
    receiptCode: 'NA-SYT-250415-000123',
    status: 'RETURNED',
    receivedAt: '2025-04-15T02:30:00Z',
    dueDate: '2025-05-06',
    late: false,
    overdue: false,
    procedure: { __typename: 'Procedure', id: 'UHJvYzox', nationalCode: '1.001234', name: 'Cấp giấy phép hành nghề khám bệnh, chữa bệnh' },
    unit: SYT,
    ...overrides,
  } as IndicatorDossierRowFragment;
}

export function delayList(overrides: Partial<DelayListFieldsFragment> = {}): DelayListFieldsFragment {
  return {
    __typename: 'DelayList',
    unitCode: 'NA-SYT',
    unitName: 'Sở Y tế',
    year: 2025,
    month: 5,
    status: 'DRAFT',
    publishedAt: null,
    publishedBy: null,
    entries: [
      {
        __typename: 'DelayListEntry',
        officialName: 'Hoàng Thị Mai',
        officialPosition: 'Chuyên viên',
        unitName: 'Sở Y tế',
        dossiers: 3,
        overruns: 4,
        daysOver: 9,
        procedures: [
          { __typename: 'DelayListProcedure', nationalCode: '1.001234', name: 'Cấp giấy phép hành nghề', dossiers: 2 },
          { __typename: 'DelayListProcedure', nationalCode: '1.005678', name: 'Cấp chứng chỉ hành nghề dược, "bản sao"', dossiers: 1 },
        ],
      },
    ],
    ...overrides,
  } as DelayListFieldsFragment;
}
