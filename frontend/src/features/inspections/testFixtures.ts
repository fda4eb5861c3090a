import type { FindingDetailQuery, InspectionInboxQuery, SelfReportFieldsFragment } from '../../gql/graphql';
import type { AuthUser } from '../../lib/auth/user';

export const headSyt: AuthUser = { username: 'head.syt', displayName: 'Hồ Thị Mai', roles: ['unit_head'], unitCode: 'NA-SYT' };
export const lead: AuthUser = { username: 'inspector.lead', displayName: 'Nguyễn Văn Thanh', roles: ['inspector'], unitCode: 'NA-TTT' };
export const member: AuthUser = { username: 'inspector.hoa', displayName: 'Trần Thị Hoa', roles: ['inspector'], unitCode: 'NA-TTT' };
export const outsider: AuthUser = { username: 'inspector.other', displayName: 'Lê Văn Khác', roles: ['inspector'], unitCode: 'NA-TTT' };
export const admin: AuthUser = { username: 'admin', displayName: 'Lê Minh Quân', roles: ['admin'], unitCode: 'NA-UBND' };

export const SYT = { __typename: 'Unit' as const, id: 'VW5pdDoxMg==', code: 'NA-SYT', name: 'Sở Y tế' };
export const PLAN = { __typename: 'InspectionPlan' as const, id: 'SW5zcGVjdGlvblBsYW46MQ==', number: '2960/KH-TTCP', title: 'Thanh tra công tác giải quyết thủ tục hành chính' };

type Inbox = InspectionInboxQuery['inspectionInbox'];

export function inboxReport(overrides: Partial<Inbox['selfReports'][number]> & { due?: string | null; number?: string } = {}): Inbox['selfReports'][number] {
  const { due = '2099-12-31', number = PLAN.number, ...rest } = overrides;
  return {
    __typename: 'SelfInspectionReport',
    id: `report-${number}`,
    status: 'DRAFT',
    submittedAt: null,
    submittedLate: false,
    returnReason: null,
    unit: SYT,
    plan: { ...PLAN, id: `plan-${number}`, number, selfReportDue: due },
    ...rest,
  } as Inbox['selfReports'][number];
}

export function inboxRecommendation(overrides: Partial<Inbox['recommendations'][number]> = {}): Inbox['recommendations'][number] {
  return {
    __typename: 'Finding',
    id: 'RmluZGluZzox',
    number: 1,
    category: 'LATE_HANDLING',
    recommendation: 'Ban hành văn bản xin lỗi cho các hồ sơ trễ hạn.',
    remediationDeadline: '2099-06-30',
    recommendationStatus: 'OPEN',
    overdue: false,
    unit: SYT,
    plan: PLAN,
    ...overrides,
  } as Inbox['recommendations'][number];
}

export function report(overrides: Partial<SelfReportFieldsFragment> = {}): SelfReportFieldsFragment {
  return {
    __typename: 'SelfInspectionReport',
    id: 'U2VsZlJlcG9ydDox',
    version: 4,
    status: 'DRAFT',
    submittedAt: null,
    submittedLate: false,
    returnReason: null,
    proposals: null,
    plan: { ...PLAN, periodFrom: '2021-07-15', periodTo: '2023-11-30', selfReportDue: '2099-12-31' },
    unit: SYT,
    figures: {
      __typename: 'InspectionStatistics',
      receivedDirect: 1200,
      receivedOnline: 300,
      receivedPostal: 10,
      received: 1510,
      carriedOver: 20,
      resolvedOnTime: 1400,
      resolvedLate: 90,
      lateWithoutApology: 40,
      rejected: 15,
      withdrawn: 5,
      openWithinTime: 12,
      openOverdue: 8,
    },
    difficulties: [{ __typename: 'SelfReportDifficulty', category: 'HUMAN_RESOURCES', description: 'Thiếu hai cán bộ tại bộ phận một cửa.' }],
    legalDocuments: { __typename: 'LegalDocumentReview', reviewed: 10, expired: 2, inForce: 8, proposedForAmendment: 1, proposedForAbolition: 0 },
    simplificationProposals: [],
    ...overrides,
  } as SelfReportFieldsFragment;
}

type Finding = Extract<NonNullable<FindingDetailQuery['node']>, { __typename: 'Finding' }>;
type Entry = Finding['followUp'][number];

export const entry = (kind: Entry['kind'], at: string, text = `${kind} text`, by = 'Hồ Thị Mai'): Entry => ({ __typename: 'FollowUpEntry', kind, text, by, at }) as Entry;

const teamMember = (role: 'LEAD' | 'MEMBER', id: string, idpUsername: string) => ({
  __typename: 'InspectionTeamMember' as const,
  role,
  official: { __typename: 'Official' as const, id, idpUsername },
});

export function finding(overrides: Partial<Omit<Finding, 'plan'>> & { planStatus?: Finding['plan']['status']; withTeam?: boolean } = {}): Finding {
  const { planStatus = 'CONCLUDED', withTeam = true, ...rest } = overrides;
  return {
    __typename: 'Finding',
    id: 'RmluZGluZzox',
    number: 1,
    version: 7,
    category: 'LATE_HANDLING',
    severity: 'MODERATE',
    description: '90 hồ sơ giải quyết quá hạn, 40 hồ sơ không có văn bản xin lỗi.',
    status: 'RECORDED',
    withdrawalReason: null,
    recommendation: 'Ban hành văn bản xin lỗi cho các hồ sơ trễ hạn.',
    remediationDeadline: '2099-06-30',
    recommendationStatus: 'OPEN',
    overdue: false,
    recordedBy: 'Nguyễn Văn Thanh',
    recordedAt: '2025-03-01T02:00:00Z',
    plan: {
      ...PLAN,
      status: planStatus,
      ...(withTeam ? { team: [teamMember('LEAD', 'T2ZmOjE=', 'inspector.lead'), teamMember('MEMBER', 'T2ZmOjI=', 'inspector.hoa')] } : {}),
    },
    unit: SYT,
    responsibleOfficials: [{ __typename: 'Official', id: 'T2ZmOjk=', fullName: 'Phan Văn Đức', position: 'Chánh Văn phòng' }],
    evidence: [
      {
        __typename: 'FindingEvidence',
        kind: 'DOSSIER',
        note: 'Trễ 12 ngày, không có văn bản xin lỗi',
        dossier: { __typename: 'Dossier', id: 'RG9zc2llcjox', receiptCode: 'NA-SYT-230415-000123', procedure: { __typename: 'Procedure', id: 'UHJvYzox', name: 'Cấp chứng chỉ hành nghề dược' } },
        procedure: null,
        sample: null,
        sampleItem: null,
        document: null,
      },
      {
        __typename: 'FindingEvidence',
        kind: 'DOCUMENT',
        note: null,
        dossier: null,
        procedure: null,
        sample: null,
        sampleItem: null,
        document: {
          __typename: 'EvidenceDocument',
          id: 'RG9jOjE=',
          fileName: 'bien-ban-kiem-tra.pdf',
          contentType: 'application/pdf',
          size: 20480,
          downloadUrl: '/api/evidence-documents/RG9jOjE=',
        },
      },
    ],
    followUp: [],
    ...rest,
  } as Finding;
}
