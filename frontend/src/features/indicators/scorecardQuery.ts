import { graphql } from '../../gql/gql';

/** The scorecard the dashboard and the indicator drill-down show (the same variables share one cache entry). */
export const IndicatorScorecardQuery = graphql(`
  query IndicatorScorecard($unit: ID!, $includeSubunits: Boolean, $period: IndicatorPeriodInput!) {
    indicatorScorecard(unit: $unit, includeSubunits: $includeSubunits, period: $period) {
      unit {
        id
        code
        name
        level
      }
      includeSubunits
      period {
        kind
        from
        to
      }
      ruleSet {
        id
        name
        effectiveFrom
        excellentFrom
        goodFrom
        averageFrom
      }
      total
      attainablePoints
      band
      dossiersReceived
      groups {
        group
        name {
          vi
          en
        }
        points
        maxPoints
        indicators {
          code
          group
          name {
            vi
            en
          }
          basis
          formula {
            vi
            en
          }
          numerator
          denominator
          rate
          points
          weight
          cap
          fullAt
          noData
          noDataReason
        }
      }
    }
  }
`);
