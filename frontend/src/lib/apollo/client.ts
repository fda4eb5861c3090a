import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { createAuthLink, type TokenProvider } from './authLink';

export function createApolloClient(getToken: TokenProvider, uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([createAuthLink(getToken), new HttpLink({ uri })]),
    cache: new InMemoryCache(),
  });
}
