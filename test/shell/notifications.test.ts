import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../src/contract/dto.js';
import { fake, resetFake } from './fake-electron.js';
import { fakeEvents } from '../unit/server/fakes.js';

vi.mock('electron', () => import('./fake-electron.js'));
const { setupNotifications } = await import('../../electron/notifications.js');

beforeEach(() => resetFake());

const failedRun: RunSummary = {
  id: 'r9',
  touchpoint: 'shipments',
  trigger: 'schedule',
  dryRun: false,
  status: 'failed',
  startedAt: '',
  finishedAt: '',
  counts: { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, pulled: 0 },
  error: 'Cannot reach the ERP database at erp-sql01',
};

describe('OS notifications', () => {
  it('shows a failed run once and a missed run, and a click opens the window', () => {
    const events = fakeEvents();
    const windows = { show: vi.fn(), contents: () => [], allowClose: vi.fn() };
    setupNotifications(events, windows, '/icon.png');
    events.emit('run-finished', failedRun);
    events.emit('run-finished', { ...failedRun, id: 'r10' });
    events.emit('alert', {
      id: 'm',
      kind: 'missed-run',
      message: 'Due at 10:00, not run by 10:15',
      raisedAt: '',
    });
    expect(fake.notifications.map((n) => [n.options.title, n.options.body, n.shown])).toEqual([
      ['Shipments: sync failed', 'Cannot reach the ERP database at erp-sql01', true],
      ['A scheduled sync did not run', 'Due at 10:00, not run by 10:15', true],
    ]);
    fake.notifications[1]?.emit('click');
    expect(windows.show).toHaveBeenCalledWith('dashboard');
  });
});
