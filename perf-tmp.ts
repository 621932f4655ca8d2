import { startSimulator } from './src/simulator/index.js';
const sim = await startSimulator();
for (let k = 0; k < 3; k++) {
let t = performance.now();
for (let i = 0; i < 200; i++) { const r = await fetch(sim.baseUrl + '/beta/item/search', { headers: { 'API-Key': sim.apiKey } }); await r.text(); }
console.log((performance.now() - t) / 200, 'ms/req');
}
await sim.close();
