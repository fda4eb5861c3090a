import { useLocation } from 'react-router';

/** Shows the memory router's current path and query, for tests that check what a page keeps in the URL. */
export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}
