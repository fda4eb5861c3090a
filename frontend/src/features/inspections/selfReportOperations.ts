import { graphql } from '../../gql/gql';

export const SelfReportFields = graphql(`
  fragment SelfReportFields on SelfInspectionReport {
    id
    version
    status
    submittedAt
    submittedLate
    returnReason
    proposals
    plan {
      id
      number
      title
      periodFrom
      periodTo
      selfReportDue
    }
    unit {
      id
      code
      name
    }
    figures {
      receivedDirect
      receivedOnline
      receivedPostal
      received
      carriedOver
      resolvedOnTime
      resolvedLate
      lateWithoutApology
      rejected
      withdrawn
      openWithinTime
      openOverdue
    }
    difficulties {
      category
      description
    }
    legalDocuments {
      reviewed
      expired
      inForce
      proposedForAmendment
      proposedForAbolition
    }
    simplificationProposals {
      procedure {
        id
        nationalCode
        name
      }
      proposal
    }
  }
`);

export const SelfReportQuery = graphql(`
  query SelfReport($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on SelfInspectionReport {
        ...SelfReportFields
      }
    }
  }
`);

export const SelfReportSaveMutation = graphql(`
  mutation SelfReportSave($input: SelfInspectionReportSaveInput!) {
    selfInspectionReportSave(input: $input) {
      report {
        ...SelfReportFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const SelfReportSubmitMutation = graphql(`
  mutation SelfReportSubmit($input: SelfInspectionReportTransitionInput!) {
    selfInspectionReportSubmit(input: $input) {
      report {
        ...SelfReportFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const SelfReportReturnMutation = graphql(`
  mutation SelfReportReturn($input: SelfInspectionReportReturnInput!) {
    selfInspectionReportReturn(input: $input) {
      report {
        ...SelfReportFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const SelfReportAcceptMutation = graphql(`
  mutation SelfReportAccept($input: SelfInspectionReportTransitionInput!) {
    selfInspectionReportAccept(input: $input) {
      report {
        ...SelfReportFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
