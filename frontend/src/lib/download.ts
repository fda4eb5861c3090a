/** The file name a `Content-Disposition` header gives (`filename*=UTF-8''…` preferred), if any. */
export function fileNameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim().replace(/^"|"$/g, ''));
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || undefined;
}

/** Thrown when the server answers a download with an error status. */
export class DownloadError extends Error {
  readonly status: number;

  constructor(status: number) {
    super(`Download failed with HTTP ${status}`);
    this.name = 'DownloadError';
    this.status = status;
  }
}

/**
 * Fetches `url` with the bearer token (a link cannot carry it) and makes the browser save the answer
 * as a file, named as the server says or `fallbackName`.
 */
export async function downloadWithToken(url: string, token: string | undefined, fallbackName: string): Promise<void> {
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new DownloadError(response.status);
  const blob = await response.blob();
  saveBlob(fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackName, blob);
}

/** Makes the browser save `blob` as a file named `name`. */
export function saveBlob(name: string, blob: Blob): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(href);
}

/** `url` with `name=value` added to its query string. */
export function withQueryParam(url: string, name: string, value: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
}
