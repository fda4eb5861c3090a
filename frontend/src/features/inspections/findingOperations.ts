import { graphql } from '../../gql/gql';

export const FindingDetailFields = graphql(`
  fragment FindingDetailFields on Finding {
    id
    number
    version
    category
    severity
    description
    status
    withdrawalReason
    recommendation
    remediationDeadline
    recommendationStatus
    overdue
    recordedBy
    recordedAt
    plan {
      id
      number
      title
      status
    }
    unit {
      id
      code
      name
    }
    responsibleOfficials {
      id
      fullName
      position
    }
    evidence {
      kind
      note
      dossier {
        id
        receiptCode
        procedure {
          id
          name
        }
      }
      procedure {
        id
        nationalCode
        name
      }
      sample {
        id
        name
      }
      sampleItem {
        ordinal
        result
        note
      }
      document {
        id
        fileName
        contentType
        size
        downloadUrl
      }
    }
    followUp {
      kind
      text
      by
      at
    }
  }
`);

export const FindingDetailQuery = graphql(`
  query FindingDetail($id: ID!, $withTeam: Boolean!) {
    node(id: $id) {
      __typename
      id
      ... on Finding {
        ...FindingDetailFields
        plan {
          id
          team @include(if: $withTeam) {
            role
            official {
              id
              idpUsername
            }
          }
        }
      }
    }
  }
`);

export const RecommendationRespondMutation = graphql(`
  mutation RecommendationRespond($input: RecommendationRespondInput!) {
    recommendationRespond(input: $input) {
      finding {
        ...FindingDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const RecommendationVerifyMutation = graphql(`
  mutation RecommendationVerify($input: FindingActionInput!) {
    recommendationVerify(input: $input) {
      finding {
        ...FindingDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const RecommendationReopenMutation = graphql(`
  mutation RecommendationReopen($input: FindingActionInput!) {
    recommendationReopen(input: $input) {
      finding {
        ...FindingDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const RecommendationWaiveMutation = graphql(`
  mutation RecommendationWaive($input: FindingActionInput!) {
    recommendationWaive(input: $input) {
      finding {
        ...FindingDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
