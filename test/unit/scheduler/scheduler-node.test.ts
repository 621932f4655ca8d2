import { describe, expect, it } from 'vitest';
import { nodeSchedulePort } from '../../../src/sync/scheduler.js';

describe('nodeSchedulePort', () => {
  it('fires a timer whose time has come and never fires a cancelled one', async () => {
    const port = nodeSchedulePort();
    const fired: string[] = [];
    const cancel = port.at(new Date(Date.now() + 150), () => fired.push('cancelled'));
    cancel();
    await new Promise<void>((resolve) => {
      port.at(new Date(Date.now() + 300), () => {
        fired.push('due');
        resolve();
      });
    });
    port.at(new Date(Date.now() - 1000), () => fired.push('past'));
    await new Promise((r) => setTimeout(r, 50));
    expect(fired).toEqual(['due', 'past']);
  });
});
