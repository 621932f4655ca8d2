/** `/__sim/...` control endpoints: warehouse activity, faults, state and stats (API-Key required). */
import { SimHttpError, badRequest, notFound } from './errors.js';
import type { ControlHandler } from './server.js';
import { RESOURCE_NAMES, type FaultConfig, type InfoplusSimulator, type ResourceName } from './types.js';

function options(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('body: must be a JSON object');
  return body as Record<string, unknown>;
}

function numbers<T extends string>(body: unknown, names: readonly T[]): Partial<Record<T, number>> {
  const o = options(body);
  const out: Partial<Record<T, number>> = {};
  for (const [k, v] of Object.entries(o)) {
    if (!(names as readonly string[]).includes(k))
      throw badRequest(`${k}: unknown option (use ${names.join(', ')})`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw badRequest(`${k}: must be a number >= 0`);
    out[k as T] = v;
  }
  return out;
}

/** Builds the control handler over a running simulator. */
export function createControl(sim: () => InfoplusSimulator): ControlHandler {
  return (method, segments, body) => {
    const path = segments.join('/');
    const s = sim();
    if (method === 'POST' && path === 'warehouse/ship') {
      return { status: 200, body: s.warehouse.shipOrders(numbers(body, ['share', 'partialShare', 'max'])) };
    }
    if (method === 'POST' && path === 'warehouse/receive') {
      return { status: 200, body: s.warehouse.receiveAsns(numbers(body, ['share', 'partialShare', 'max'])) };
    }
    if (method === 'POST' && path === 'warehouse/deliver')
      return { status: 200, body: s.warehouse.deliver() };
    if (method === 'POST' && path === 'warehouse/labels') {
      const o = numbers(body, ['share', 'partialShare', 'max']);
      return { status: 200, body: s.warehouse.shipOrders({ ...o, labelOnly: true }) };
    }
    if (method === 'POST' && path === 'warehouse/adjust') {
      return { status: 200, body: s.warehouse.adjustInventory(numbers(body, ['count', 'poShare'])) };
    }
    if (method === 'POST' && path === 'seed/shipments') {
      const o = numbers(body, ['count', 'lobId']);
      if (o.count === undefined) throw badRequest('count: required');
      return { status: 200, body: s.seedShipments({ count: o.count, lobId: o.lobId }) };
    }
    if (path === 'faults' && method === 'GET') return { status: 200, body: s.faults() };
    if (path === 'faults' && method === 'POST') {
      try {
        s.setFaults(options(body) as Partial<FaultConfig>);
      } catch (e) {
        throw new SimHttpError(400, (e as Error).message.split('; '));
      }
      return { status: 200, body: s.faults() };
    }
    if (path === 'stats' && method === 'GET') return { status: 200, body: s.stats() };
    if (path === 'stats/reset' && method === 'POST') {
      s.resetStats();
      return { status: 200 };
    }
    const [first, resource] = segments;
    if (method === 'GET' && first === 'state' && resource !== undefined && segments.length === 2) {
      if (!(RESOURCE_NAMES as readonly string[]).includes(resource))
        throw notFound(`unknown resource '${resource}'`);
      return { status: 200, body: s.state.list(resource as ResourceName) };
    }
    throw notFound(
      `${method} /__sim/${path} is not a control endpoint (warehouse/ship|labels|deliver|receive|adjust, faults, state/:resource, stats, seed/shipments)`,
    );
  };
}
