import Router from '@koa/router';
import type { Context } from 'koa';
import type { AppDeps } from '../deps.js';
import { normaliseTrackingCode } from '../incidents/index.js';
import type { Incident } from '../models/index.js';
import { clientForKey } from './apiKeys.js';
import { ClientRateLimit } from './clientRateLimit.js';
import { discoveryDocument } from './discovery.js';
import { badRequest, notFound } from './errors.js';
import { checkRequest, fileRequest, presentFiled } from './fileRequest.js';
import { type Format, parseFormat, respond } from './format.js';
import { checkJurisdiction } from './jurisdiction.js';
import { langOf } from './locale.js';
import { type Params, single, withoutEmpty } from './params.js';
import { REQUEST_PROJECTION } from './presentRequest.js';
import { presentRequests } from './presentRequests.js';
import { parseRequestQuery, requestFilter, requestSort } from './requestQuery.js';
import { majorsByCode, presentDefinition, presentService, publicCategories, publicCategory } from './services.js';

/** The `:format` of the route (json or xml), else the 404 of an unknown resource. */
function formatOf(ctx: Context): Format {
  const format = parseFormat(ctx.params.format);
  if (!format) throw notFound(`no resource ${ctx.path} (formats: .json, .xml)`);
  return format;
}

const query = (ctx: Context): Params => withoutEmpty(ctx.query);
const form = (ctx: Context): Params => withoutEmpty((ctx.request as { body?: unknown }).body);

/** Case numbers look like `20261123-000042`; anything else cannot name a request. */
const CASE_CODE = /^\d{8}-\d{6,}$/;

/**
 * GeoReport v2 under `/open311/v2`: discovery, services and their
 * definitions, requests (POST with an api_key, GET list and one), tokens.
 * Every route reads its format from the suffix and checks `jurisdiction_id`.
 */
export function open311Routes(deps: AppDeps): Router {
  const { models } = deps;
  const router = new Router({ prefix: '/open311/v2' });
  const limiter = new ClientRateLimit();

  router.get('/discovery.:format', async (ctx) => {
    const format = formatOf(ctx);
    await checkJurisdiction(deps, single(query(ctx), 'jurisdiction_id'));
    respond(ctx, format, 'discovery', discoveryDocument(deps.env, `${ctx.protocol}://${ctx.host}`));
  });

  router.get('/services.:format', async (ctx) => {
    const format = formatOf(ctx);
    await checkJurisdiction(deps, single(query(ctx), 'jurisdiction_id'));
    const lang = langOf(ctx);
    const [categories, majors] = await Promise.all([publicCategories(models), majorsByCode(models)]);
    respond(ctx, format, 'services', categories.map((c) => presentService(c, majors, lang)));
  });

  router.get('/services/:code.:format', async (ctx) => {
    const format = formatOf(ctx);
    await checkJurisdiction(deps, single(query(ctx), 'jurisdiction_id'));
    const category = await publicCategory(models, ctx.params.code);
    if (!category) throw notFound(`service_code ${ctx.params.code} not found`);
    respond(ctx, format, 'service_definition', presentDefinition(category, langOf(ctx)));
  });

  router.post('/requests.:format', async (ctx) => {
    const format = formatOf(ctx);
    if (!ctx.request.is('application/x-www-form-urlencoded')) throw badRequest('the body of POST requests must be application/x-www-form-urlencoded');
    const params = form(ctx);
    const now = deps.clock.now();
    const client = await clientForKey(models, single(params, 'api_key') ?? single(query(ctx), 'api_key'), now);
    limiter.hit(client.name, client.postsPerHour, now.getTime());
    await checkJurisdiction(deps, single(params, 'jurisdiction_id') ?? single(query(ctx), 'jurisdiction_id'));
    const checked = await checkRequest(deps, params);
    const idempotencyKey = ctx.get('Idempotency-Key').trim() || undefined;
    if (idempotencyKey && !/^[\w.:-]{8,128}$/.test(idempotencyKey)) throw badRequest('the Idempotency-Key header must be 8 to 128 letters, digits or . _ : -');
    const { incident, duplicate } = await fileRequest(deps, client, checked, idempotencyKey);
    respond(ctx, format, 'service_requests', presentFiled(incident, checked.category, langOf(ctx)), duplicate ? 200 : 201);
  });

  router.get('/requests.:format', async (ctx) => {
    const format = formatOf(ctx);
    const params = query(ctx);
    await checkJurisdiction(deps, single(params, 'jurisdiction_id'));
    const q = parseRequestQuery(params, deps.clock.now());
    const publicCodes = (await publicCategories(models)).map((c) => c.code);
    const filter = requestFilter(q, publicCodes);
    const [total, incidents] = await Promise.all([
      models.Incident.countDocuments(filter),
      models.Incident.find(filter, REQUEST_PROJECTION).sort(requestSort(q)).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<Incident[]>(),
    ]);
    // Paging extension: totals in headers, so the body stays the specification's bare list.
    ctx.set('X-Total-Count', String(total));
    ctx.set('X-Page', String(q.page));
    ctx.set('X-Page-Size', String(q.pageSize));
    if (q.page * q.pageSize < total) {
      const next = new URL(ctx.href);
      next.searchParams.set('page', String(q.page + 1));
      ctx.set('Link', `<${next.toString()}>; rel="next"`);
    }
    respond(ctx, format, 'service_requests', await presentRequests(models, incidents, { lang: langOf(ctx), format, extensions: q.extensions }));
  });

  router.get('/requests/:id.:format', async (ctx) => {
    const format = formatOf(ctx);
    const params = query(ctx);
    await checkJurisdiction(deps, single(params, 'jurisdiction_id'));
    const ext = single(params, 'extensions') === 'true';
    const id = ctx.params.id;
    const publicCodes = CASE_CODE.test(id) ? (await publicCategories(models)).map((c) => c.code) : [];
    const incident = publicCodes.length ? await models.Incident.findOne({ code: id, categoryCode: { $in: publicCodes } }, REQUEST_PROJECTION).lean<Incident>() : null;
    if (!incident) throw notFound(`service_request_id ${id} not found`);
    respond(ctx, format, 'service_requests', await presentRequests(models, [incident], { lang: langOf(ctx), format, extensions: ext }));
  });

  router.get('/tokens/:token.:format', async (ctx) => {
    const format = formatOf(ctx);
    await checkJurisdiction(deps, single(query(ctx), 'jurisdiction_id'));
    // A token is a case's tracking code (what OneGrid's own channels give a reporter): it resolves to the public case number.
    const token = normaliseTrackingCode(ctx.params.token);
    const publicCodes = (await publicCategories(models)).map((c) => c.code);
    const incident = await models.Incident.findOne({ trackingCode: token, categoryCode: { $in: publicCodes } }, { code: 1 }).lean<Pick<Incident, 'code'>>();
    if (!incident) throw notFound(`token ${ctx.params.token} not found`);
    respond(ctx, format, 'service_requests', [{ service_request_id: incident.code, token }]);
  });

  return router;
}
