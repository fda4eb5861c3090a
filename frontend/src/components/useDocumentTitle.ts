import { useEffect } from 'react';

/** Names the browser tab after the page, so screen-reader users and tab lists know where they are. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} – Lantern` : 'Lantern';
  }, [title]);
}
