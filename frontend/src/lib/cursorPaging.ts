/** Page sizes a list offers; the API allows at most 100. */
export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** Where a cursor-paged list stands; lives in the URL with the list's filters. */
export interface CursorPaging {
  pageSize: PageSize;
  /** Cursor to page forward from, or … */
  after?: string;
  /** … cursor to page back from (never both). */
  before?: string;
  /** 1-based page number, shown to people; only meaningful with a cursor. */
  page: number;
}

/** The first page: what a changed filter, order or page size starts again from. */
export const FIRST_PAGE = { after: undefined, before: undefined, page: 1 } as const;

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Reads `size`, `after`/`before` and `page` from a query string; anything malformed, or a size the
 * list does not offer (`sizes`), falls back to the first page of 20.
 */
export function readPaging(params: URLSearchParams, sizes: readonly PageSize[] = PAGE_SIZES): CursorPaging {
  const size = Number(params.get('size'));
  const page = Number(params.get('page'));
  const after = text(params.get('after'));
  const before = after ? undefined : text(params.get('before'));
  return {
    pageSize: (sizes as readonly number[]).includes(size) ? (size as PageSize) : 20,
    after,
    before,
    page: (after || before) && Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Writes the paging into a query string, defaults left out so links stay short. */
export function writePaging(params: URLSearchParams, paging: CursorPaging): void {
  if (paging.pageSize !== 20) params.set('size', String(paging.pageSize));
  if (paging.after) params.set('after', paging.after);
  if (paging.before) params.set('before', paging.before);
  if ((paging.after || paging.before) && paging.page > 1) params.set('page', String(paging.page));
}

/** The connection arguments for the paging: `last`/`before` going back, `first`/`after` otherwise. */
export function pageArguments(paging: CursorPaging): { first?: number; after?: string; last?: number; before?: string } {
  if (paging.before) return { last: paging.pageSize, before: paging.before };
  return paging.after ? { first: paging.pageSize, after: paging.after } : { first: paging.pageSize };
}
