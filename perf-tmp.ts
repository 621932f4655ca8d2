import { startSimulator } from './src/simulator/index.js';
import http from 'node:http';
const sim = await startSimulator();
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function get(path: string): Promise<void> {
  return new Promise((res, rej) => { const r = http.request(sim.baseUrl + path, { agent, headers: { 'API-Key': sim.apiKey } }, (s) => { s.resume(); s.on('end', () => res()); }); r.on('error', rej); r.end(); });
}
let t = Date.now();
for (let i = 0; i < 1000; i++) await get('/beta/lineOfBusiness/1');
console.log('1000 gets via http.request ms', Date.now() - t);
t = Date.now();
for (let i = 0; i < 1000; i++) { const r = await fetch(sim.baseUrl + '/beta/lineOfBusiness/1', { headers: { 'API-Key': sim.apiKey } }); await r.text(); }
console.log('1000 gets via fetch ms', Date.now() - t);
await sim.close();
