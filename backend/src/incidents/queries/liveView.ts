import type { Principal } from '../../kernel/index.js';
import type { AppDeps } from '../../deps.js';
import type { Incident } from '../../models/index.js';
import { presentIncidents, type IncidentView } from '../presenters/presentIncident.js';
import { availableActions } from '../rules/stateMachine.js';
import { LIST_PROJECTION } from './listIncidents.js';

/**
 * The list view of one case as it is now, without the caller's actions (the
 * live stream reads it once per event and adds each viewer's actions with
 * `withActionsFor`); null when the case is gone.
 */
export async function liveListView(deps: Pick<AppDeps, 'models' | 'clock'>, id: string): Promise<IncidentView | null> {
  const doc = await deps.models.Incident.findById(id, LIST_PROJECTION).lean<Incident>();
  if (!doc) return null;
  const [view] = await presentIncidents(deps, [doc]);
  return view ?? null;
}

/** The view with the actions the principal's role may take now, as `GET /api/incidents` gives them. */
export function withActionsFor(view: IncidentView, principal: Principal): IncidentView {
  return { ...view, actions: availableActions(view.status, principal.role) };
}
