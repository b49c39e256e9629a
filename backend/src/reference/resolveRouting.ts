import { Unprocessable } from '../kernel/index.js';
import type { Models } from '../models/index.js';

/** Which departments handle a category at a place: the lead (主办) and the co-handlers (协办). */
export interface Routing {
  leadDepartmentCode: string;
  coDepartmentCodes: string[];
}

export interface RoutingPlace {
  gridCode?: string;
  communityCode?: string;
}

type RoutingModels = Pick<Models, 'Category' | 'RoutingRule'>;

interface CategoryRouting {
  byDefault: Routing;
  byGrid: Map<string, Routing>;
  byCommunity: Map<string, Routing>;
  loadedAt: number;
}

/** How long a cached category's routing is trusted; other instances' edits show up within this time. */
export const ROUTING_CACHE_TTL_MS = 60_000;

/**
 * Resolves category routing with a small per-category cache. Reference data
 * changes rarely; an admin edit in this process calls `invalidate()`, edits made
 * by another instance are picked up after ROUTING_CACHE_TTL_MS.
 */
export class RoutingResolver {
  private readonly cache = new Map<string, Promise<CategoryRouting | null>>();

  constructor(
    private readonly models: RoutingModels,
    private readonly ttlMs = ROUTING_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The routing for a category at a place: a grid-cell rule beats a community rule beats the category default; throws Unprocessable('category_unknown'). */
  async resolve(categoryCode: string, place: RoutingPlace = {}): Promise<Routing> {
    const routing = await this.load(categoryCode);
    if (!routing) throw new Unprocessable('category_unknown', `unknown category ${categoryCode}`, { categoryCode });
    const chosen =
      (place.gridCode && routing.byGrid.get(place.gridCode)) ||
      (place.communityCode && routing.byCommunity.get(place.communityCode)) ||
      routing.byDefault;
    return { leadDepartmentCode: chosen.leadDepartmentCode, coDepartmentCodes: [...chosen.coDepartmentCodes] };
  }

  /** Forgets one category's cached routing, or all of it. */
  invalidate(categoryCode?: string): void {
    if (categoryCode === undefined) this.cache.clear();
    else this.cache.delete(categoryCode);
  }

  private load(categoryCode: string): Promise<CategoryRouting | null> {
    const cached = this.cache.get(categoryCode);
    if (cached) return cached.then((r) => (r && this.now() - r.loadedAt < this.ttlMs ? r : this.fetchInto(categoryCode)));
    return this.fetchInto(categoryCode);
  }

  private fetchInto(categoryCode: string): Promise<CategoryRouting | null> {
    const pending = this.fetch(categoryCode);
    this.cache.set(categoryCode, pending);
    // A failed read must not stick in the cache.
    pending.catch(() => this.cache.get(categoryCode) === pending && this.cache.delete(categoryCode));
    return pending;
  }

  private async fetch(categoryCode: string): Promise<CategoryRouting | null> {
    const loadedAt = this.now();
    const [category, rules] = await Promise.all([
      this.models.Category.findOne({ code: categoryCode }, { leadDepartmentCode: 1, coDepartmentCodes: 1 }).lean(),
      this.models.RoutingRule.find({ categoryCode }, { scope: 1, areaCode: 1, leadDepartmentCode: 1, coDepartmentCodes: 1 }).lean(),
    ]);
    if (!category) return null;
    const routing: CategoryRouting = {
      byDefault: pick(category),
      byGrid: new Map(),
      byCommunity: new Map(),
      loadedAt,
    };
    for (const rule of rules) (rule.scope === 'grid' ? routing.byGrid : routing.byCommunity).set(rule.areaCode, pick(rule));
    return routing;
  }
}

function pick(r: { leadDepartmentCode: string; coDepartmentCodes?: string[] }): Routing {
  const co = (r.coDepartmentCodes ?? []).filter((code) => code !== r.leadDepartmentCode);
  return { leadDepartmentCode: r.leadDepartmentCode, coDepartmentCodes: [...new Set(co)] };
}

const resolvers = new WeakMap<object, RoutingResolver>();

/** The shared resolver for one set of models (one per connection, so tests never share a cache). */
export function routingResolverFor(models: RoutingModels): RoutingResolver {
  let resolver = resolvers.get(models);
  if (!resolver) {
    resolver = new RoutingResolver(models);
    resolvers.set(models, resolver);
  }
  return resolver;
}

/** The lead and co-departments for a category at a place (grid rule > community rule > category default); throws Unprocessable('category_unknown'). */
export function resolveRouting(models: RoutingModels, categoryCode: string, place: RoutingPlace = {}): Promise<Routing> {
  return routingResolverFor(models).resolve(categoryCode, place);
}

/** Drops cached routing for these models (one category or all), after reference data changed. */
export function invalidateRouting(models: RoutingModels, categoryCode?: string): void {
  resolvers.get(models)?.invalidate(categoryCode);
}
