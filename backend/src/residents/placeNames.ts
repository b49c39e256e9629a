import type { AppDeps } from '../deps.js';
import type { Area, GridCell } from '../models/index.js';

/** Where a point falls, in words a resident recognises: grid cell, community and street, names in both languages. */
export interface PublicPlace {
  gridCode: string;
  gridName?: string;
  communityCode: string;
  communityName?: string;
  communityNameEn?: string;
  streetCode: string;
  streetName?: string;
  streetNameEn?: string;
  /** 0 inside the cell; otherwise metres to the nearest cell (within the configured locate distance). */
  distanceM: number;
}

type PlaceDeps = Pick<AppDeps, 'models' | 'geo'>;

/** The place of a point, or null when it is outside the district (no cell within the locate distance). */
export async function locatePlace(deps: PlaceDeps, lng: number, lat: number): Promise<PublicPlace | null> {
  const at = deps.geo.locate(lng, lat);
  if (!at) return null;
  return namePlace(deps, at.gridCode, at.communityCode, at.streetCode, at.distanceM);
}

/** Adds the names of a cell, its community and its street (left out when the district has no such record). */
export async function namePlace(deps: Pick<AppDeps, 'models'>, gridCode: string, communityCode: string, streetCode: string, distanceM = 0): Promise<PublicPlace> {
  const [cell, areas] = await Promise.all([
    deps.models.GridCell.findOne({ code: gridCode }, { _id: 0, name: 1 }).lean<Pick<GridCell, 'name'>>(),
    deps.models.Area.find({ code: { $in: [communityCode, streetCode] } }, { _id: 0, code: 1, name: 1, nameEn: 1 }).lean<Pick<Area, 'code' | 'name' | 'nameEn'>[]>(),
  ]);
  const community = areas.find((a) => a.code === communityCode);
  const street = areas.find((a) => a.code === streetCode);
  return {
    gridCode,
    gridName: cell?.name,
    communityCode,
    communityName: community?.name,
    communityNameEn: community?.nameEn,
    streetCode,
    streetName: street?.name,
    streetNameEn: street?.nameEn,
    distanceM: Math.round(distanceM),
  };
}
