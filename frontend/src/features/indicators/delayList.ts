import { graphql } from '../../gql/gql';

/** A delays list as both the staff page and the public page show it. */
export const DelayListFieldsFragment = graphql(`
  fragment DelayListFields on DelayList {
    unitCode
    unitName
    year
    month
    status
    publishedAt
    publishedBy
    entries {
      officialName
      officialPosition
      unitName
      dossiers
      overruns
      daysOver
      procedures {
        nationalCode
        name
        dossiers
      }
    }
  }
`);
