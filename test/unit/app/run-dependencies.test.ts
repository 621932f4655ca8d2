import { describe, expect, it } from 'vitest';
import { withDependencies } from '../../../src/app/run-coordinator.js';
import type { TouchpointName } from '../../../src/contract/touchpoints.js';

const all = (): boolean => true;

describe('withDependencies', () => {
  it('runs items before orders, and vendors and items before ASNs', () => {
    expect(withDependencies(['orders'], all)).toEqual(['items', 'orders']);
    expect(withDependencies(['asns'], all)).toEqual(['vendors', 'items', 'asns']);
    expect(withDependencies(['orders', 'vendors'], all)).toEqual(['vendors', 'items', 'orders']);
    expect(withDependencies(['shipments'], all)).toEqual(['shipments']);
  });

  it('leaves out dependencies the profile does not map', () => {
    const noItems = (tp: TouchpointName): boolean => tp !== 'items';
    expect(withDependencies(['orders'], noItems)).toEqual(['orders']);
    expect(withDependencies(['asns'], noItems)).toEqual(['vendors', 'asns']);
  });
});
