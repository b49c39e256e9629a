import { randomUUID } from 'node:crypto';
import Router from '@koa/router';
import { z } from 'zod';
import { NotFound, type Principal } from '../kernel/index.js';
import type { AppDeps } from '../deps.js';
import { parseBody, parseQuery, requireRole } from '../http/index.js';
import { SEVERITIES } from '../models/index.js';
import { applyAction } from './commands/applyAction.js';
import { listIncidents } from './queries/listIncidents.js';
import { ListQuery } from './queries/listQuery.js';
import { myWorkFilter, myWorkSort } from './queries/myWork.js';
import { presentIncidents } from './presenters/presentIncident.js';
import { reportIncident } from './commands/reportIncident.js';
import { canSee } from './rules/scope.js';
import { isIncidentAction } from './rules/stateMachine.js';
import { loadIncident } from './commands/writeIncident.js';

const STAFF = ['admin', 'commander', 'supervisor', 'department', 'worker'] as const;
const COMMAND = ['admin', 'commander', 'supervisor'] as const;

/** An operator's entry of a phone call (12345 热线): where, what, and who called. */
const OperatorReport = z.object({
  messageId: z.string().trim().min(1).max(128).optional(),
  categoryCode: z.string().regex(/^\d{5}$/),
  severity: z.enum(SEVERITIES as [string, ...string[]]).optional(),
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().min(1).max(4000),
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  address: z.string().trim().max(300).optional(),
  reporter: z.object({ name: z.string().trim().max(100).optional(), phone: z.string().trim().max(32).optional() }).optional(),
  photos: z.array(z.string().trim().min(1).max(500)).max(20).optional(),
});

const bodyOf = (ctx: { request: unknown }): unknown => (ctx.request as { body?: unknown }).body;

/**
 * The staff side of incidents: `GET /api/incidents` (filters, sort, cursor,
 * scoped by role), `GET /api/incidents/mine` (my work), `GET /api/incidents/:id`
 * (with the timeline), `POST /api/incidents` (operator entry) and
 * `POST /api/incidents/:id/:action` (the state machine).
 */
export function incidentRoutes(deps: AppDeps): Router {
  const router = new Router({ prefix: '/api/incidents' });

  router.get('/', requireRole(...STAFF), async (ctx) => {
    ctx.body = await listIncidents(deps, ctx.state.user as Principal, parseQuery(ListQuery, ctx.query));
  });

  router.get('/mine', requireRole(...STAFF), async (ctx) => {
    const user = ctx.state.user as Principal;
    ctx.body = await listIncidents(deps, user, parseQuery(ListQuery, { sort: myWorkSort(user), ...ctx.query }), myWorkFilter(user));
  });

  router.get('/:id', requireRole(...STAFF), async (ctx) => {
    const user = ctx.state.user as Principal;
    const incident = await loadIncident(deps, ctx.params.id);
    if (!canSee(user, incident)) throw new NotFound('incident', ctx.params.id);
    [ctx.body] = await presentIncidents(deps, [incident], user, true);
  });

  router.post('/', requireRole(...COMMAND), async (ctx) => {
    const user = ctx.state.user as Principal;
    const body = parseBody(OperatorReport, bodyOf(ctx));
    const { incident, duplicate } = await reportIncident(deps, user, {
      ...body,
      severity: body.severity as (typeof SEVERITIES)[number] | undefined,
      source: 'operator',
      senderId: user.username,
      messageId: body.messageId ?? randomUUID(),
    });
    ctx.status = duplicate ? 200 : 201;
    const [view] = await presentIncidents(deps, [incident], user, true);
    ctx.body = { ...view, duplicate };
  });

  router.post('/:id/:action', requireRole(...STAFF), async (ctx) => {
    const user = ctx.state.user as Principal;
    const { id, action } = ctx.params;
    if (!isIncidentAction(action)) throw new NotFound('action', action);
    const incident = await applyAction(deps, user, id, action, bodyOf(ctx));
    [ctx.body] = await presentIncidents(deps, [incident], user, true);
  });

  return router;
}
