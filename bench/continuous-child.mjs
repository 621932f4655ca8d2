/* global process */
// The agent of the continuous benchmark, on the BUILT JavaScript (dist/), so its CPU time is the product's.
// Usage: node bench/continuous-child.mjs <profileFile> <dataDir> <apiKey>; prints "ready", stops on SIGTERM.
import { createApp } from '../dist/src/app/index.js';

const [configFile, dataDir, apiKey] = process.argv.slice(2);
const app = await createApp({ dataDir, configFile, env: { INFOPLUS_API_KEY: apiKey } });
await app.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
