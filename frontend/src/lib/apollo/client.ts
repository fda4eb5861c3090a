import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { createAuthLink, type TokenProvider } from './authLink';

export function createApolloClient(getToken: TokenProvider, uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([createAuthLink(getToken), new HttpLink({ uri })]),
    cache: new InMemoryCache({
      typePolicies: {
        // Objects without an id that the dossier list and the dossier page select differently:
        // merge their fields instead of letting the list's smaller selection replace the page's.
        Dossier: { fields: { applicant: { merge: true }, apology: { merge: true }, rejection: { merge: true } } },
      },
    }),
  });
}
