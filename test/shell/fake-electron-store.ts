/**
 * electron-store for shell tests that run the real engine: its base class `conf`, because code in node_modules
 * cannot see vi.mock('electron'), which electron-store needs.
 */
import Conf from 'conf';

export default class Store extends Conf<Record<string, unknown>> {
  constructor(o: { name: string; cwd: string; clearInvalidConfig: false; configFileMode?: number }) {
    super({
      configName: o.name,
      cwd: o.cwd,
      clearInvalidConfig: o.clearInvalidConfig,
      projectName: 'x',
      ...(o.configFileMode !== undefined ? { configFileMode: o.configFileMode } : {}),
    });
  }
}
