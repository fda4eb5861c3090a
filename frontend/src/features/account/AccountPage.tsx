import { useQuery } from '@apollo/client/react';
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';

export const AccountMeQuery = graphql(`
  query AccountMe {
    me {
      username
      displayName
      roles
      unitCode
      citizenId
    }
  }
`);

export default function AccountPage() {
  const { t } = useTranslation(['account', 'common']);
  useDocumentTitle(t('title'));
  const { data, loading, error, refetch } = useQuery(AccountMeQuery, { fetchPolicy: 'network-only' });

  let content;
  if (loading && !data) {
    content = <Loading label={t('loading')} />;
  } else if (error) {
    content = <ErrorMessage error={error} onRetry={() => void refetch()} />;
  } else if (data) {
    const { me } = data;
    const none = t('none');
    const rows: [string, string, string][] = [
      ['username', t('fields.username'), me.username],
      ['displayName', t('fields.displayName'), me.displayName],
      [
        'roles',
        t('fields.roles'),
        me.roles.length > 0 ? me.roles.map((role) => t(`common:role.${role.toLowerCase()}`)).join(', ') : none,
      ],
      ['unitCode', t('fields.unitCode'), me.unitCode ?? none],
      ['citizenId', t('fields.citizenId'), me.citizenId ?? none],
    ];
    content = (
      <Table variant="vertical" withTableBorder maw={640} data-testid="account-details">
        <Table.Tbody>
          {rows.map(([key, label, value]) => (
            <Table.Tr key={key}>
              <Table.Th w={240} scope="row">
                {label}
              </Table.Th>
              <Table.Td data-testid={`account-${key}`}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }

  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      {content}
    </Stack>
  );
}
