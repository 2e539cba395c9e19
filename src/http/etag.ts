// Strong ETags from the row version, and If-Match as RFC 9110 compares them.

export const formatEtag = (version: number): string => `"${version}"`;

/** True when an If-Match header value admits the current version (`*`, or a list with its strong ETag). */
export function ifMatchAdmits(header: string, version: number): boolean {
  const current = formatEtag(version);
  return header
    .split(",")
    .map((tag) => tag.trim())
    .some((tag) => tag === "*" || tag === current);
}
