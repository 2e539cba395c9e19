// Strong ETags from the user's version, and If-Match read into the versions a change may be based on.
import type { ExpectedVersion } from "../directory/update.ts";

export const formatEtag = (version: number): string => `"${version}"`;

/**
 * `*` admits any version; otherwise the versions of the strong ETags listed (RFC 9110 compares If-Match strongly,
 * so a weak or foreign tag admits none). Undefined when there is no If-Match.
 */
export function parseIfMatch(header: string | undefined): ExpectedVersion | undefined {
  if (header === undefined) return undefined;
  const tags = header.split(",").map((tag) => tag.trim());
  if (tags.includes("*")) return "any";
  return tags.flatMap((tag) => (/^"(\d{1,15})"$/.exec(tag) ? [Number(tag.slice(1, -1))] : []));
}
