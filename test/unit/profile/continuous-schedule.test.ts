import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { effectiveSchedules } from '../../../src/app/connections.js';
import { describePlan, planOf } from '../../../src/domain/schedule.js';
import { sampleProfileObject } from '../../../src/erp/sample/sample-profile.js';
import { parseProfile, ProfileError, type ProfileProblem } from '../../../src/profile/index.js';
import { defaultSettings } from '../../../src/settings/index.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function parse(mutate: (doc: Doc) => void) {
  const doc = structuredClone(sampleProfileObject('sqlite')) as Doc;
  mutate(doc);
  return parseProfile(stringify(doc), 'test.yaml');
}

function problems(mutate: (doc: Doc) => void): ProfileProblem[] {
  try {
    parse(mutate);
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return [...(e as ProfileError).problems];
  }
  throw new Error('the profile was accepted');
}

describe('schedule: { continuous: { everySeconds } }', () => {
  it('is accepted for a watermark push touchpoint and becomes an on-change plan', () => {
    const profile = parse((d) => (d.touchpoints.orders.schedule = { continuous: { everySeconds: 5 } }));
    const schedules = effectiveSchedules(defaultSettings(), profile);
    expect(schedules.orders).toEqual({ enabled: true, continuousSeconds: 5 });
    const plan = planOf(schedules.orders);
    expect(plan).toEqual({ kind: 'continuous', seconds: 5 });
    expect(describePlan(plan)).toBe('on change (checked every 5 s)');
  });

  it('is accepted in hash mode when a fingerprint column makes the check cheap', () => {
    expect(() =>
      parse((d) => {
        d.touchpoints.orders.schedule = { continuous: { everySeconds: 10 } };
        d.touchpoints.orders.changeDetection = { mode: 'hash', fingerprint: 'updated_at' };
        d.touchpoints.orders.source.header = d.touchpoints.orders.source.header.replace(
          /WHERE[^]*?(ORDER BY|$)/i,
          '$1',
        );
      }),
    ).not.toThrow();
  });

  it('is refused where no cheap check exists, saying what to change', () => {
    const hash = problems((d) => {
      d.touchpoints.orders.schedule = { continuous: { everySeconds: 10 } };
      d.touchpoints.orders.changeDetection = { mode: 'hash' };
      d.touchpoints.orders.source.header = d.touchpoints.orders.source.header.replace(
        /WHERE[^]*?(ORDER BY|$)/i,
        '$1',
      );
    });
    expect(hash).toContainEqual({
      path: 'touchpoints.orders.schedule.continuous',
      message: expect.stringMatching(/changeDetection\.mode: watermark, or a changeDetection\.fingerprint/),
    });
    const pull = problems((d) => (d.touchpoints.shipments.schedule = { continuous: { everySeconds: 10 } }));
    expect(pull).toContainEqual({
      path: 'touchpoints.shipments.schedule.continuous',
      message: expect.stringMatching(/push touchpoints.*cron or intervalMinutes/),
    });
  });

  it('refuses a period outside 1..3600 seconds', () => {
    const p = problems((d) => (d.touchpoints.orders.schedule = { continuous: { everySeconds: 0 } }));
    expect(p[0]?.path).toBe('touchpoints.orders.schedule.continuous.everySeconds');
  });
});
