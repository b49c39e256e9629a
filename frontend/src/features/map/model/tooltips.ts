/** A grid cell's or area's tooltip: `name · code`, either part left out when missing. */
export function tooltipText(properties: Record<string, unknown> | null | undefined): string {
  const parts = [properties?.name, properties?.code].filter((p): p is string => typeof p === 'string' && p.length > 0);
  return parts.join(' · ');
}
