import { useQuery } from '@apollo/client/react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import { PublicDossierView } from './PublicDossierView';

export const MyDossiersQuery = graphql(`
  query MyDossiers($first: Int, $after: String) {
    myDossiers(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...PublicDossierFields
      }
    }
  }
`);

const PAGE = 10;

/** A logged-in citizen's dossiers (by identity number), newest first, in the same view as the lookup. */
export default function MyDossiersPage() {
  const { t } = useTranslation('citizen');
  useDocumentTitle(t('mine.title'));
  const { data, loading, error, refetch, fetchMore } = useQuery(MyDossiersQuery, { variables: { first: PAGE } });
  const page = data?.myDossiers;

  return (
    <Stack gap="md" maw={720}>
      <Title order={2}>{t('mine.title')}</Title>
      <Text>{t('mine.lead')}</Text>
      {loading && !page ? (
        <Loading label={t('mine.loading')} />
      ) : error && !page ? (
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      ) : page && page.nodes.length === 0 ? (
        <Text data-testid="my-dossiers-empty">{t('mine.empty')}</Text>
      ) : page ? (
        <>
          <Text size="sm" aria-live="polite">
            {t('mine.count', { count: page.totalCount ?? page.nodes.length })}
          </Text>
          {page.nodes.map((dossier) => (
            <PublicDossierView key={dossier.receiptCode} dossier={dossier} />
          ))}
          {page.pageInfo.hasNextPage && (
            <Button
              variant="default"
              w="fit-content"
              loading={loading}
              onClick={() =>
                void fetchMore({
                  variables: { first: PAGE, after: page.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    myDossiers: {
                      ...fetchMoreResult.myDossiers,
                      nodes: [...previous.myDossiers.nodes, ...fetchMoreResult.myDossiers.nodes],
                    },
                  }),
                })
              }
            >
              {t('mine.more')}
            </Button>
          )}
        </>
      ) : null}
    </Stack>
  );
}
