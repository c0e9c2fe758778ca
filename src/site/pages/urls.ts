/** `path` under an absolute `baseUrl` (`http(s)://…`, one `/` between them); `path` as is for a relative site. */
export function absoluteUrl(baseUrl: string, path: string): string {
  return /^https?:\/\//i.test(baseUrl) ? `${baseUrl.replace(/\/*$/, '/')}${path}` : path;
}
