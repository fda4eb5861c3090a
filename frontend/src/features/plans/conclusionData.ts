import { graphql } from '../../gql/gql';
import type { PlanConclusionQuery as PlanConclusionResult } from '../../gql/graphql';
import type { ConclusionData } from './ConclusionDocument';

export const ConclusionDraftFields = graphql(`
  fragment ConclusionDraftFields on ConclusionDraft {
    summary
    updatedAt
    updatedBy
    version
  }
`);

export const PlanConclusionQuery = graphql(`
  query PlanConclusion($number: String!) {
    inspectionPlan(number: $number) {
      id
      number
      title
      issuingAuthority
      issueDate
      periodFrom
      periodTo
      status
      statistics {
        ...PlanStatisticsFields
      }
      totals {
        ...PlanStatisticsFields
      }
      findings {
        ...FindingRowFields
      }
      conclusionDraft {
        ...ConclusionDraftFields
      }
      conclusion {
        summary
        issuedAt
        issuedBy
        statistics {
          ...PlanStatisticsFields
        }
        totals {
          ...PlanStatisticsFields
        }
      }
    }
  }
`);

export type ConclusionPlan = NonNullable<PlanConclusionResult['inspectionPlan']>;

/**
 * What the conclusion document shows: once issued, the stored summary and figures; before, a
 * preview from the live figures and the recorded findings with the summary being written (the lead's
 * saved draft, or the text the lead is editing).
 */
export function conclusionData(plan: ConclusionPlan, draftSummary = ''): ConclusionData {
  const findings = plan.findings.filter((finding) => finding.status === 'RECORDED');
  if (plan.conclusion) {
    return {
      plan,
      summary: plan.conclusion.summary,
      issued: { at: plan.conclusion.issuedAt, by: plan.conclusion.issuedBy },
      statistics: plan.conclusion.statistics,
      totals: plan.conclusion.totals,
      findings,
    };
  }
  return { plan, summary: draftSummary, issued: null, statistics: plan.statistics, totals: plan.totals, findings };
}
