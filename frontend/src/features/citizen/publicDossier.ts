import { graphql } from '../../gql/gql';

/** Every field the citizen's pages show; the lookup and "my dossiers" ask for the same view. */
export const PublicDossierFields = graphql(`
  fragment PublicDossierFields on PublicDossier {
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
      status
      at
      stepName
      unitName
    }
  }
`);

export const RATINGS = [1, 2, 3, 4, 5] as const;
