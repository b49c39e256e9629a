/** Something named in both languages (a category, community or street from the public API). */
export interface BilingualName {
  name?: string;
  nameEn?: string;
}

/** The name in the page's language: English when asked and known, else the Chinese name, else the fallback. */
export function localName(item: BilingualName | undefined, language: string, fallback = ''): string {
  if (!item) return fallback;
  if (language.startsWith('en') && item.nameEn) return item.nameEn;
  return item.name ?? item.nameEn ?? fallback;
}

/**
 * Where a pin fell, as one line: grid cell · community · street (parts the
 * district has no name for are left out). A cell's own name is used when it can
 * be read in the page's language (a Chinese cell name in English becomes
 * "Grid cell 7", from the last three digits of its code).
 */
export function placeLine(
  place: { gridName?: string; gridCode: string; communityName?: string; communityNameEn?: string; streetName?: string; streetNameEn?: string },
  language: string,
  cellWord: string,
): string {
  const community = localName({ name: place.communityName, nameEn: place.communityNameEn }, language);
  const street = localName({ name: place.streetName, nameEn: place.streetNameEn }, language);
  const readable = place.gridName && !(language.startsWith('en') && /[^\x20-\x7e]/.test(place.gridName));
  const cell = !readable ? `${cellWord} ${Number(place.gridCode.slice(-3)) || place.gridCode}` : place.gridName!.endsWith(cellWord) ? place.gridName! : `${cellWord} ${place.gridName}`;
  return [cell, community, street].filter(Boolean).join(' · ');
}

/** Categories grouped under their major class, groups in code order, for an <optgroup> list. */
export function groupCategories<C extends { code: string; major: string }, G extends { code: string }>(categories: readonly C[], groups: readonly G[]): { group: G | undefined; major: string; items: C[] }[] {
  const majors = [...new Set(categories.map((c) => c.major))].sort();
  return majors.map((major) => ({ major, group: groups.find((g) => g.code === major), items: categories.filter((c) => c.major === major) }));
}
