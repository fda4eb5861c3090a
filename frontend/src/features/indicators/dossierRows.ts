import { graphql } from '../../gql/gql';

/** What the nearly-due list and the drill-down show of a dossier. */
export const IndicatorDossierRowFragment = graphql(`
  fragment IndicatorDossierRow on Dossier {
    id
    receiptCode
    status
    receivedAt
    dueDate
    late
    overdue
    procedure {
      id
      nationalCode
      name
    }
    unit {
      id
      code
      name
    }
  }
`);

/** Where a dossier's page lives. */
export function dossierPath(receiptCode: string): string {
  return `/dossiers/${encodeURIComponent(receiptCode)}`;
}
