const t0 = performance.now();
const m1 = await import('../src/erp/index.js'); console.log('erp', performance.now() - t0);
const m2 = await import('../src/erp/sample/index.js'); console.log('sample', performance.now() - t0);
const m3 = await import('../src/infoplus/index.js'); console.log('infoplus', performance.now() - t0);
const m4 = await import('../src/profile/index.js'); console.log('profile', performance.now() - t0);
const m5 = await import('../src/sync/index.js'); console.log('sync', performance.now() - t0);
const p = m4.parseProfile(m2.sampleProfileText('sqlite', { erpUrl: 'x', infoplusBaseUrl: 'http://127.0.0.1:1/infoplus-wms/api' })); console.log('parse', performance.now() - t0);
void m1; void m3; void m5; void p;
