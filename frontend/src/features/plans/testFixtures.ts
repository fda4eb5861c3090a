import type {
  DossierSampleFieldsFragment,
  FindingRowFieldsFragment,
  PlanConclusionQuery,
  PlanDetailFieldsFragment,
  PlanListQuery,
  PlanStatisticsFieldsFragment,
  PlanStatisticsQuery,
} from '../../gql/graphql';
import type { AuthUser } from '../../lib/auth/user';

type Row = PlanListQuery['inspectionPlans']['nodes'][number];
type Plan = PlanDetailFieldsFragment;
type Statistics = PlanStatisticsFieldsFragment;

export const PLAN_NUMBER = '2960/KH-TTCP';
export const PLAN_ID = 'SW5zcGVjdGlvblBsYW46MQ==';

/** The plan's lead (the lead official's login in `planDetail`). */
export const lead: AuthUser = { username: 'an.nguyen', displayName: 'Nguyễn Văn An', roles: ['inspector'], unitCode: 'NA-TTT' };
/** A member of the plan's team who is not its lead. */
export const member: AuthUser = { username: 'binh.tran', displayName: 'Trần Thị Bình', roles: ['inspector'], unitCode: 'NA-TTT' };
/** An administrator: not on the team, so not shown plans at all. */
export const admin: AuthUser = { username: 'admin', displayName: 'Lê Minh Quân', roles: ['admin'], unitCode: 'NA-UBND' };
/** An inspector who is not on the plan's team: the pages must offer them no action even if a plan reaches them. */
export const outsider: AuthUser = { username: 'hoa.le', displayName: 'Lê Thị Hoa', roles: ['inspector'], unitCode: 'NA-TTT' };

export function planRow(overrides: Partial<Row> = {}): Row {
  return {
    __typename: 'InspectionPlan',
    id: PLAN_ID,
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
export const INSPECTORATE = unit('VW5pdDo5', 'NA-TTT', 'Thanh tra tỉnh Nghệ An');

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
    id: PLAN_ID,
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
    version: 4,
    checklist: [
      { __typename: 'InspectionChecklistItem', ordinal: 2, text: 'Giải quyết hồ sơ đúng hạn' },
      { __typename: 'InspectionChecklistItem', ordinal: 1, text: 'Công khai thủ tục hành chính' },
    ],
    targets: [QUY_HOP, CON_CUONG],
    team: [
      {
        __typename: 'InspectionTeamMember',
        role: 'LEAD',
        official: { __typename: 'Official', id: 'T2ZmOjE=', fullName: 'Nguyễn Văn An', idpUsername: lead.username, unit: INSPECTORATE },
      },
      {
        __typename: 'InspectionTeamMember',
        role: 'MEMBER',
        official: { __typename: 'Official', id: 'T2ZmOjI=', fullName: 'Trần Thị Bình', idpUsername: member.username, unit: INSPECTORATE },
      },
    ],
    lead: { __typename: 'Official', id: 'T2ZmOjE=', fullName: 'Nguyễn Văn An', idpUsername: lead.username },
    ...overrides,
  } as Plan;
}

type StatisticsPlan = NonNullable<PlanStatisticsQuery['inspectionPlan']>;

export function planStatistics(overrides: Partial<StatisticsPlan> = {}): StatisticsPlan {
  return {
    __typename: 'InspectionPlan',
    id: PLAN_ID,
    statisticsExportUrl: '/api/inspection-plans/SW5zcGVjdGlvblBsYW46MQ==/statistics',
    statistics: [statistics(QUY_HOP, 0), statistics(CON_CUONG, 1000)],
    totals: statistics(null, 1000),
    statisticsByField: [
      { ...statistics(null, 10), field: 'LAND' },
      { ...statistics(null, 20), field: 'CIVIL_STATUS' },
    ],
    statisticsByProcedure: [
      {
        ...statistics(null, 30),
        procedure: { __typename: 'Procedure', id: 'UHJvYzox', nationalCode: '1.004227', name: 'Đăng ký khai sinh' },
      },
    ],
    causes: [
      { __typename: 'InspectionCauseCount', kind: 'LATE', category: 'HUMAN_RESOURCES', count: 12 },
      { __typename: 'InspectionCauseCount', kind: 'LATE', category: 'OTHER', count: 30 },
      { __typename: 'InspectionCauseCount', kind: 'REJECTED', category: 'APPLICANT', count: 5 },
    ],
    ...overrides,
  } as StatisticsPlan;
}

export function sampleItem(ordinal: number, overrides: Partial<DossierSampleFieldsFragment['items'][number]> = {}): DossierSampleFieldsFragment['items'][number] {
  return {
    __typename: 'DossierSampleItem',
    ordinal,
    stratum: 'LAND',
    result: null,
    note: null,
    examinedBy: null,
    examinedAt: null,
    dossier: {
      __typename: 'Dossier',
      id: `RG9zc2llcjo${ordinal}`,
      receiptCode: `NA-QUYHOP-230415-00012${ordinal}`,
      dueDate: '2023-05-06',
      late: true,
      overdue: false,
      procedure: { __typename: 'Procedure', id: 'UHJvYzox', name: 'Cấp giấy chứng nhận quyền sử dụng đất' },
    },
    ...overrides,
  } as DossierSampleFieldsFragment['items'][number];
}

export function sample(overrides: Partial<DossierSampleFieldsFragment> = {}): DossierSampleFieldsFragment {
  return {
    __typename: 'DossierSample',
    id: 'U2FtcGxlOjE=',
    name: 'Hồ sơ trễ hạn Quỳ Hợp',
    seed: 'a1b2c3',
    size: 2,
    stratifiedByField: true,
    drawnBy: 'Nguyễn Văn An',
    drawnAt: '2024-04-02T02:00:00Z',
    examinedCount: 0,
    population: {
      __typename: 'DossierSamplePopulation',
      unit: { __typename: 'Unit', id: QUY_HOP.id, name: QUY_HOP.name },
      outcomes: ['RESOLVED_LATE', 'OPEN_OVERDUE'],
      field: null,
      procedure: null,
      size: 137,
    },
    items: [sampleItem(1), sampleItem(2)],
    ...overrides,
  } as DossierSampleFieldsFragment;
}

export function finding(overrides: Partial<FindingRowFieldsFragment> = {}): FindingRowFieldsFragment {
  return {
    __typename: 'Finding',
    id: 'RmluZGluZzox',
    number: 1,
    category: 'LATE_HANDLING',
    severity: 'MODERATE',
    description: '137 hồ sơ đất đai giải quyết quá hạn, không có văn bản xin lỗi.',
    status: 'RECORDED',
    withdrawalReason: null,
    recommendation: 'Rà soát quy trình, gửi văn bản xin lỗi người dân.',
    remediationDeadline: '2024-09-30',
    recommendationStatus: 'OPEN',
    overdue: false,
    recordedBy: 'Nguyễn Văn An',
    recordedAt: '2024-04-10T03:00:00Z',
    version: 1,
    unit: QUY_HOP,
    responsibleOfficials: [{ __typename: 'Official', id: 'T2ZmOjc=', fullName: 'Lê Văn Hùng' }],
    ...overrides,
  } as FindingRowFieldsFragment;
}

type ConclusionPlan = NonNullable<PlanConclusionQuery['inspectionPlan']>;

export function conclusionPlan(overrides: Partial<ConclusionPlan> = {}): ConclusionPlan {
  const plan = planDetail();
  return {
    __typename: 'InspectionPlan',
    id: plan.id,
    number: plan.number,
    title: plan.title,
    issuingAuthority: plan.issuingAuthority,
    issueDate: plan.issueDate,
    periodFrom: plan.periodFrom,
    periodTo: plan.periodTo,
    status: plan.status,
    statistics: [statistics(QUY_HOP, 0), statistics(CON_CUONG, 1000)],
    totals: statistics(null, 1000),
    findings: [finding(), finding({ id: 'RmluZGluZzoy', number: 2, status: 'WITHDRAWN', description: 'Phát hiện đã rút' })],
    conclusionDraft: null,
    conclusion: null,
    ...overrides,
  } as ConclusionPlan;
}
