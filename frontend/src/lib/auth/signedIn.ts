/**
 * A marker in localStorage saying "this browser had a Lantern login": `lantern.signedIn` = '1'. No
 * token and no personal data; the public pages read it to decide whether asking Keycloak (and
 * loading keycloak-js) is worth it, so anonymous visitors never pay for the login.
 */
export const SIGNED_IN_KEY = 'lantern.signedIn';

export function hasSignedInMarker(): boolean {
  try {
    return window.localStorage.getItem(SIGNED_IN_KEY) === '1';
  } catch {
    return false; // storage disabled: behave as anonymous
  }
}

/** Sets the marker when someone is logged in, removes it when nobody is. */
export function rememberSignedIn(signedIn: boolean) {
  try {
    if (signedIn) window.localStorage.setItem(SIGNED_IN_KEY, '1');
    else window.localStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // Storage disabled or full: the public pages then treat the visitor as anonymous.
  }
}
