import { SetContextLink } from '@apollo/client/link/context';

/** Returns a fresh access token, or undefined when nobody is logged in. */
export type TokenProvider = () => Promise<string | undefined>;

/** Adds `Authorization: Bearer <token>` to every operation while someone is logged in. */
export function createAuthLink(getToken: TokenProvider): SetContextLink {
  return new SetContextLink(async (prevContext) => {
    const token = await getToken();
    if (!token) {
      return {};
    }
    return {
      headers: {
        ...prevContext.headers,
        Authorization: `Bearer ${token}`,
      },
    };
  });
}
