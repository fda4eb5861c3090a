import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { parse } from 'graphql';
import { of } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { createAuthLink, type TokenProvider } from './authLink';

const query = parse('query Version { apiInfo { version } }');

/** A client whose last link records the headers each request would carry. */
function clientWith(getToken: TokenProvider) {
  const sent: Record<string, string>[] = [];
  const recorder = new ApolloLink((operation) => {
    sent.push({ ...(operation.getContext().headers ?? {}) });
    return of({ data: { apiInfo: { __typename: 'ApiInfo', version: '0.1.0' } } });
  });
  const client = new ApolloClient({ link: ApolloLink.from([createAuthLink(getToken), recorder]), cache: new InMemoryCache() });
  return { client, sent };
}

describe('auth link', () => {
  it('sends the token from the provider as a bearer token', async () => {
    const { client, sent } = clientWith(async () => 'token-123');

    await client.query({ query });

    expect(sent).toHaveLength(1);
    expect(sent[0].Authorization).toBe('Bearer token-123');
  });

  it('sends no Authorization header when nobody is logged in', async () => {
    const { client, sent } = clientWith(async () => undefined);

    await client.query({ query });

    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toHaveProperty('Authorization');
  });

  it('asks the provider before every request, so a refreshed token is used', async () => {
    const getToken = vi.fn<TokenProvider>().mockResolvedValueOnce('old').mockResolvedValueOnce('refreshed');
    const { client, sent } = clientWith(getToken);

    await client.query({ query, fetchPolicy: 'network-only' });
    await client.query({ query, fetchPolicy: 'network-only' });

    expect(getToken).toHaveBeenCalledTimes(2);
    expect(sent.map((headers) => headers.Authorization)).toEqual(['Bearer old', 'Bearer refreshed']);
  });

  it('keeps headers set earlier in the chain', async () => {
    const { client, sent } = clientWith(async () => 't');

    await client.query({ query, context: { headers: { 'Accept-Language': 'vi' } } });

    expect(sent[0]).toEqual({ 'Accept-Language': 'vi', Authorization: 'Bearer t' });
  });
});
