import type { PlanDetailQuery, PlanListQuery } from '../../gql/graphql';

type Row = PlanListQuery['inspectionPlans']['nodes'][number];
type Plan = NonNullable<PlanDetailQuery['inspectionPlan']>;
type Statistics = Plan['statistics'][number];

export const PLAN_NUMBER = '2960/KH-TTCP';

export function planRow(overrides: Partial<Row> = {}): Row {
  return {
    __typename: 'InspectionPlan',
    id: 'SW5zcGVjdGlvblBsYW46MQ==',
    number: PLAN_NUMBER,
    title: 'Thanh tra việc giải quyết thủ tục hành chính theo cơ chế một cửa',
    periodFrom: '2023-01-01',
    periodTo: '2023-12-31',
    status: 'IN_PROGRESS',
    targets: [
      { __typename: 'Unit', id: 'VW5pdDox' },
      { __typename: 'Unit', id: 'VW5pdDoy' },
    ],
    ...overrides,
  } as Row;
}

const unit = (id: string, code: string, name: string) => ({ __typename: 'Unit' as const, id, code, name });
export const QUY_HOP = unit('VW5pdDox', 'NA-QUYHOP', 'Ủy ban nhân dân huyện Quỳ Hợp');
export const CON_CUONG = unit('VW5pdDoy', 'NA-CONCUONG', 'Ủy ban nhân dân huyện Con Cuông');

export function statistics(u: typeof QUY_HOP | null, base: number): Statistics {
  return {
    __typename: 'InspectionStatistics',
    unit: u,
    receivedDirect: base + 1,
    receivedOnline: base + 2,
    receivedPostal: base + 3,
    received: 3 * base + 6,
    carriedOver: base + 4,
    resolvedOnTime: base + 5,
    resolvedLate: base + 6,
    lateWithoutApology: base + 7,
    rejected: base + 8,
    withdrawn: base + 9,
    openWithinTime: base + 10,
    openOverdue: base + 11,
  } as Statistics;
}

export function planDetail(overrides: Partial<Plan> = {}): Plan {
  return {
    __typename: 'InspectionPlan',
    id: 'SW5zcGVjdGlvblBsYW46MQ==',
    number: PLAN_NUMBER,
    title: 'Thanh tra việc giải quyết thủ tục hành chính theo cơ chế một cửa',
    issuingAuthority: 'Thanh tra tỉnh Nghệ An',
    issueDate: '2024-03-01',
    periodFrom: '2023-01-01',
    periodTo: '2023-12-31',
    selfReportDue: '2024-03-20',
    fieldworkFrom: '2024-04-01',
    fieldworkTo: '2024-04-30',
    conclusionDue: '2024-06-30',
    status: 'IN_PROGRESS',
    checklist: [
      { __typename: 'InspectionChecklistItem', ordinal: 2, text: 'Giải quyết hồ sơ đúng hạn' },
      { __typename: 'InspectionChecklistItem', ordinal: 1, text: 'Công khai thủ tục hành chính' },
    ],
    targets: [QUY_HOP, CON_CUONG],
    team: [
      {
        __typename: 'InspectionTeamMember',
        role: 'LEAD',
        official: { __typename: 'Official', id: 'T2ZmOjE=', fullName: 'Nguyễn Văn An', unit: unit('VW5pdDo5', 'NA-TTT', 'Thanh tra tỉnh Nghệ An') },
      },
      {
        __typename: 'InspectionTeamMember',
        role: 'MEMBER',
        official: { __typename: 'Official', id: 'T2ZmOjI=', fullName: 'Trần Thị Bình', unit: unit('VW5pdDo5', 'NA-TTT', 'Thanh tra tỉnh Nghệ An') },
      },
    ],
    lead: { __typename: 'Official', id: 'T2ZmOjE=', fullName: 'Nguyễn Văn An' },
    statistics: [statistics(QUY_HOP, 0), statistics(CON_CUONG, 1000)],
    totals: statistics(null, 1000),
    ...overrides,
  } as Plan;
}
