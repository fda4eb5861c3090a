import type { ApolloClient, OperationVariables, TypedDocumentNode } from '@apollo/client';
import { toCsv } from '../../lib/csv';
import { XLSX_TYPE, toXlsx } from '../../lib/xlsx';

/** A table cell: text, a number (which a spreadsheet can sum), or empty. */
export type Cell = string | number | null;

/** A table as it is exported: one header row, then the rows. */
export interface ExportTable {
  header: string[];
  rows: Cell[][];
}

/** The file formats every table of the dashboard is exported in. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Rows per request when a paged list is exported whole. Not the API's maximum of 100: the API prices
 * a query at its page size times the fields of a row and refuses more than 2,000
 * (`lantern.graphql.max-complexity`), and 100 dossier rows as the lists show them cost 2,201.
 */
export const EXPORT_PAGE_SIZE = 50;
/** At most this many rows go into one exported file; the reader is told when a list has more. */
export const EXPORT_ROW_CAP = 10_000;

function locale(language: string | undefined): string {
  return (language ?? '').startsWith('en') ? 'en-GB' : 'vi-VN';
}

/** Points kept to two decimals, as the dashboard shows them. */
export function points(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A rate between 0 and 1 as a number of percent with one decimal (0.8534 → 85.3). */
export function percent(rate: number): number {
  return Math.round(rate * 1000) / 10;
}

/** A cell as text: numbers in the reader's notation without thousands separators (`82,5`, `82.5`). */
export function cellText(cell: Cell, language: string | undefined): string {
  if (cell == null) return '';
  if (typeof cell === 'number') return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 2, useGrouping: false }).format(cell);
  return cell;
}

/** The file for a table: `<name>-<today>.csv` (UTF-8 with BOM) or `<name>-<today>.xlsx` (numbers numeric). */
export function exportFile(table: ExportTable, name: string, format: ExportFormat, language: string | undefined, today: string): { filename: string; blob: Blob } {
  if (format === 'xlsx') {
    return { filename: `${name}-${today}.xlsx`, blob: new Blob([toXlsx(name, table.header, table.rows) as BlobPart], { type: XLSX_TYPE }) };
  }
  const text = toCsv(
    table.header,
    table.rows.map((row) => row.map((cell) => cellText(cell, language))),
  );
  return { filename: `${name}-${today}.csv`, blob: new Blob([text], { type: 'text/csv;charset=utf-8' }) };
}

/** One page of a cursor connection, as the list queries return it. */
export interface ConnectionPage<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: readonly T[];
}

/** Every row of a paged list, up to the cap, and whether the cap cut it short. */
export interface CollectedRows<T> {
  rows: T[];
  totalCount: number;
  capped: boolean;
}

/**
 * Walks a connection from its first page, `fetchPage(after)` asking for the page after a cursor,
 * reporting the rows loaded so far, until the last page or `cap` rows.
 */
export async function collectPages<T>(
  fetchPage: (after: string | null) => Promise<ConnectionPage<T>>,
  onProgress: (loaded: number, total: number) => void = () => {},
  cap: number = EXPORT_ROW_CAP,
): Promise<CollectedRows<T>> {
  const rows: T[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const page: ConnectionPage<T> = await fetchPage(after);
    totalCount = page.totalCount;
    rows.push(...page.nodes);
    onProgress(Math.min(rows.length, cap), Math.min(Math.max(totalCount, rows.length), cap));
    const next = page.pageInfo.endCursor ?? null;
    if (rows.length >= cap) {
      return { rows: rows.slice(0, cap), totalCount, capped: page.pageInfo.hasNextPage || rows.length > cap || totalCount > cap };
    }
    // A page without rows or a cursor that does not move would loop for ever: stop there.
    if (!page.pageInfo.hasNextPage || !next || next === after || page.nodes.length === 0) return { rows, totalCount, capped: false };
    after = next;
  }
}

/**
 * Every row of a list query, page after page from the first, fetched past the cache:
 * `variables(after)` gives a page's variables and `connection(data)` picks the page out of the answer.
 */
export function queryAllPages<TData, TVariables extends OperationVariables, T>(
  client: ApolloClient,
  query: TypedDocumentNode<TData, TVariables>,
  variables: (after: string | null) => TVariables,
  connection: (data: TData) => ConnectionPage<T>,
  onProgress?: (loaded: number, total: number) => void,
): Promise<CollectedRows<T>> {
  return collectPages(async (after) => {
    const page = await client.query({ query, variables: variables(after), fetchPolicy: 'no-cache' } as ApolloClient.QueryOptions<TData, TVariables>);
    if (!page.data) throw page.error ?? new Error('No data');
    return connection(page.data as TData);
  }, onProgress);
}
