/**
 * The touchpoint registry (src/sync/touchpoints): every contract touchpoint has one definition, and the facts
 * it carries agree with the contract, the generated Infoplus models and the client's resources, so a
 * touchpoint that lost or misstated a fact fails here rather than in a run.
 */
import { describe, expect, it } from 'vitest';
import {
  PULL_TOUCHPOINTS,
  PUSH_TOUCHPOINTS,
  TOUCHPOINT_DEPENDENCIES,
  TOUCHPOINT_LABELS,
  TOUCHPOINTS,
} from '../../../src/contract/touchpoints.js';
import { MODEL_FIELDS, RESOURCE_KEY, type InfoplusClient } from '../../../src/infoplus/index.js';
import { PULL_MODELS, PUSH_MODELS } from '../../../src/profile/touchpoint-models.js';
import { PULL_DEFINITIONS, PUSH_DEFINITIONS, definitionOf } from '../../../src/sync/touchpoints/index.js';

const fieldsOf = (model: string): Readonly<Record<string, unknown>> | undefined =>
  (MODEL_FIELDS as Readonly<Record<string, Readonly<Record<string, unknown>>>>)[model];

/** A client whose every resource records the calls made to it, by resource path. */
function recordingClient(): { client: InfoplusClient; calls: string[] } {
  const calls: string[] = [];
  const resource = (path: string): Record<string, unknown> => ({
    create: (body: unknown) => {
      calls.push(`${path}.create`);
      return Promise.resolve(body);
    },
    update: () => {
      calls.push(`${path}.update`);
      return Promise.resolve();
    },
    search: () => {
      calls.push(`${path}.search`);
      return Promise.resolve([]);
    },
    getBySKU: () => {
      calls.push(`${path}.getBySKU`);
      return Promise.resolve(null);
    },
    iterate: () => {
      calls.push(`${path}.iterate`);
      return (async function* () {})();
    },
  });
  const client = Object.fromEntries(Object.keys(RESOURCE_KEY).map((p) => [p, resource(p)]));
  return { client: client as unknown as InfoplusClient, calls };
}

describe('touchpoint registry', () => {
  it('has exactly one definition per contract touchpoint, under its own name and direction', () => {
    expect(Object.keys(PUSH_DEFINITIONS).sort()).toEqual([...PUSH_TOUCHPOINTS].sort());
    expect(Object.keys(PULL_DEFINITIONS).sort()).toEqual([...PULL_TOUCHPOINTS].sort());
    for (const tp of TOUCHPOINTS) {
      const def = definitionOf(tp);
      expect(def.name).toBe(tp);
      expect(def.direction).toBe((PUSH_TOUCHPOINTS as readonly string[]).includes(tp) ? 'push' : 'pull');
    }
  });

  it('carries the contract facts: display name and dependencies, each pushed earlier in the run order', () => {
    for (const tp of TOUCHPOINTS) {
      const def = definitionOf(tp);
      expect(def.displayName).toBe(TOUCHPOINT_LABELS[tp]);
      expect(def.dependsOn).toEqual(TOUCHPOINT_DEPENDENCIES[tp]);
      for (const dep of def.dependsOn) expect(TOUCHPOINTS.indexOf(dep)).toBeLessThan(TOUCHPOINTS.indexOf(tp));
    }
  });

  it('names an Infoplus model that exists, whose resource path and id field agree with the client', () => {
    for (const tp of TOUCHPOINTS) {
      const def = definitionOf(tp);
      const fields = fieldsOf(def.model);
      expect(fields, `${tp}: model ${def.model}`).toBeDefined();
      expect(def.resource, tp).toBe(def.model.charAt(0).toLowerCase() + def.model.slice(1));
      expect(def.idField, tp).toBe(RESOURCE_KEY[def.resource]);
      expect(fields, `${tp}: id field ${def.idField}`).toHaveProperty(def.idField);
    }
  });

  it('push: the key field and the lines are fields of the model, as the profile states them', () => {
    for (const tp of PUSH_TOUCHPOINTS) {
      const def = PUSH_DEFINITIONS[tp];
      expect(def.model).toBe(PUSH_MODELS[tp].model);
      expect(def.keyField).toBe(PUSH_MODELS[tp].keyField);
      expect(fieldsOf(def.model), `${tp}: key field ${def.keyField}`).toHaveProperty(def.keyField);
      if (def.lines) {
        expect(fieldsOf(def.model), `${tp}: lines ${def.lines.field}`).toHaveProperty(def.lines.field);
        const lineFields = fieldsOf(def.lines.model);
        expect(lineFields, `${tp}: line model ${def.lines.model}`).toBeDefined();
        for (const f of def.lines.required) expect(lineFields, `${tp}: line field ${f}`).toHaveProperty(f);
        expect(lineFields, `${tp}: line quantity ${def.lines.quantity}`).toHaveProperty(def.lines.quantity);
        expect(lineFields, `${tp}: line key ${def.lines.key}`).toHaveProperty(def.lines.key);
      }
    }
  });

  it('push: every operation goes to the resource the definition names', async () => {
    for (const tp of PUSH_TOUCHPOINTS) {
      const def = PUSH_DEFINITIONS[tp];
      const { client, calls } = recordingClient();
      await def.create(client, { [def.keyField]: 'K1' });
      await def.update(client, { [def.keyField]: 'K1', [def.idField]: 1 });
      await def.lookup(client, 1, '7');
      await def.lookupMany(client, 1, ['7']);
      for await (const r of def.list(client, 1)) expect(r).toBeUndefined();
      expect(calls.length, tp).toBe(5);
      for (const call of calls) expect(call.split('.')[0], `${tp}: ${call}`).toBe(def.resource);
    }
  });

  it('pull: searches its own resource, and keeps a modify-date cursor exactly when the model has modifyDate', () => {
    for (const tp of PULL_TOUCHPOINTS) {
      const def = PULL_DEFINITIONS[tp];
      expect(def.model).toBe(PULL_MODELS[tp].model);
      const { client } = recordingClient();
      expect(def.records(client)).toBe((client as unknown as Record<string, unknown>)[def.resource]);
      const hasModifyDate = Object.hasOwn(fieldsOf(def.model) ?? {}, 'modifyDate');
      expect(def.cursor, tp).toBe(hasModifyDate ? 'modify-date' : 'id');
      expect(def.erpSide.field, tp).not.toBe('');
    }
  });
});
