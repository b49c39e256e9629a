import type { AppDeps } from '../deps.js';
import type { Area } from '../models/index.js';
import { notFound } from './errors.js';

/** The jurisdiction id when neither OPEN311_JURISDICTION_ID nor a district in the database names one. */
export const FALLBACK_JURISDICTION_ID = 'onegrid';

/**
 * The one jurisdiction this deployment serves: OPEN311_JURISDICTION_ID, else
 * the code of the district in the database (GB/T 2260, e.g. `330106`), else
 * `onegrid`.
 */
export async function jurisdictionId(deps: Pick<AppDeps, 'env' | 'models'>): Promise<string> {
  if (deps.env.OPEN311_JURISDICTION_ID) return deps.env.OPEN311_JURISDICTION_ID;
  const district = await deps.models.Area.findOne({ level: 'district' }, { code: 1 }).sort({ code: 1 }).lean<Pick<Area, 'code'>>();
  return district?.code ?? FALLBACK_JURISDICTION_ID;
}

/**
 * A single-district deployment: `jurisdiction_id` is optional (the
 * specification needs it only where one server serves several); when sent it
 * must be this deployment's, else the specification's 404.
 */
export async function checkJurisdiction(deps: Pick<AppDeps, 'env' | 'models'>, given: string | undefined): Promise<void> {
  if (given === undefined) return;
  const id = await jurisdictionId(deps);
  if (given !== id) throw notFound(`jurisdiction_id ${given} not found (this server serves ${id})`);
}
