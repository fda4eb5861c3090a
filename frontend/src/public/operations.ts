/**
 * The GraphQL operations of the public pages, sent as plain strings with `fetch` (no GraphQL client
 * in the light bundle). The `/* GraphQL *\/` comment lets graphql-codegen find them, so their result
 * and variable types come from `../gql/public` (types only, nothing at run time), checked against the schema.
 */

/** Every dossier field the lookup shows; appended to the operations that select it. */
export const PUBLIC_PAGE_DOSSIER = /* GraphQL */ `
  fragment PublicPageDossier on PublicDossier {
    receiptCode
    procedureCode
    procedureName
    unitName
    unitAddress
    unitPhone
    unitEmail
    receivedAt
    dueDate
    status
    currentStepName
    resolvedAt
    returnedAt
    late
    overdue
    apologyReason
    apologyNewDate
    rejectionReason
    supplementReason
    nextAction
    canRate
    satisfaction
    timeline {
      seq
      transition
      at
      stepName
      unitName
    }
  }
`;

export const PUBLIC_DOSSIER_LOOKUP = /* GraphQL */ `
  query PublicDossierLookup($receiptCode: String!, $secondFactor: String!) {
    dossierLookup(receiptCode: $receiptCode, secondFactor: $secondFactor) {
      ...PublicPageDossier
    }
  }
`;

export const PUBLIC_SATISFACTION_SUBMIT = /* GraphQL */ `
  mutation PublicSatisfactionSubmit($input: DossierSatisfactionSubmitInput!) {
    dossierSatisfactionSubmit(input: $input) {
      userErrors {
        field
        code
        message
      }
      dossier {
        ...PublicPageDossier
      }
    }
  }
`;

export const PUBLIC_FEEDBACK_UNITS = /* GraphQL */ `
  query PublicFeedbackUnits {
    feedbackUnits {
      id
      name
    }
  }
`;

export const PUBLIC_FEEDBACK_PROCEDURES = /* GraphQL */ `
  query PublicFeedbackProcedures($text: String, $first: Int) {
    feedbackProcedures(text: $text, first: $first) {
      id
      nationalCode
      name
      unitName
    }
  }
`;

export const PUBLIC_FEEDBACK_SUBMIT = /* GraphQL */ `
  mutation PublicFeedbackSubmit($input: FeedbackSubmitInput!) {
    feedbackSubmit(input: $input) {
      secret
      userErrors {
        field
        code
        message
      }
      feedback {
        code
        unitName
        answerDueDate
      }
    }
  }
`;

export const PUBLIC_FEEDBACK_STATUS = /* GraphQL */ `
  query PublicFeedbackStatus($code: String!, $secret: String) {
    feedbackStatus(code: $code, secret: $secret) {
      code
      kind
      status
      unitName
      procedureName
      dossierReceiptCode
      message
      submittedAt
      answerDueDate
      overdue
      rating
      canRate
      answer {
        text
        answeredAt
        late
      }
    }
  }
`;

export const PUBLIC_FEEDBACK_RATE = /* GraphQL */ `
  mutation PublicFeedbackRate($input: FeedbackRateInput!) {
    feedbackRate(input: $input) {
      userErrors {
        field
        code
        message
      }
      feedback {
        code
        rating
        canRate
      }
    }
  }
`;
