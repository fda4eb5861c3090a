import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/gql';

export const PlanUnitOfficialsQuery = graphql(`
  query PlanUnitOfficials($unitId: ID!) {
    node(id: $unitId) {
      __typename
      id
      ... on Unit {
        officials {
          id
          fullName
          position
          idpUsername
        }
      }
    }
  }
`);

/** The officials of one unit, by name; nothing until a unit is chosen. */
export function useUnitOfficials(unitId: string | null | undefined) {
  const { data, loading, error } = useQuery(PlanUnitOfficialsQuery, { variables: { unitId: unitId ?? '' }, skip: !unitId });
  const node = data?.node;
  const officials = node && node.__typename === 'Unit' && 'officials' in node ? node.officials : [];
  return { officials, loading, error };
}
