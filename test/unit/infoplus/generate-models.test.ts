import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MODEL_FIELDS, RESOURCE_MODELS } from '../../../src/infoplus/index.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const script = path.join(root, 'scripts', 'generate-models.ts');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

describe('generated Infoplus models', () => {
  it('describe every resource model with key fields and nested line models', () => {
    expect(MODEL_FIELDS.Order.orderNo).toMatchObject({ type: 'decimal', readOnly: true });
    expect(MODEL_FIELDS.Order.lineItems).toMatchObject({
      type: 'array',
      itemsModel: 'OrderLine',
      required: true,
    });
    expect(MODEL_FIELDS.Asn.lineItems).toMatchObject({ type: 'array', itemsModel: 'ItemReceipt' });
    expect(MODEL_FIELDS.Order.deliveryDays).toMatchObject({ betaOnly: true });
    expect(MODEL_FIELDS.Order.customerOrderNo?.betaOnly).toBeUndefined();
    expect(MODEL_FIELDS.Item.modifyDate).toMatchObject({ type: 'date-time', readOnly: true });
    for (const model of Object.values(RESOURCE_MODELS))
      expect(Object.keys(MODEL_FIELDS[model]).length).toBeGreaterThan(5);
  });

  // A field list of its own, so this runs in a plain clone; whether src/infoplus/models/generated.ts matches
  // Infoplus's real field list (outside the repository) is `npm run check:models`.
  it('regenerates a new field from an updated field list', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gen-models-'));
    try {
      const model = () => ({
        required: ['id'],
        properties: { id: { type: 'integer' } } as Record<string, unknown>,
      });
      const names = [...new Set(Object.values(RESOURCE_MODELS))];
      const list = () => Object.fromEntries(names.map((name) => [name, model()]));
      const data = { models: { 'v3.0': list(), beta: list() } };
      data.models.beta.Order!.properties.brandNewField = { type: 'string', readOnly: true };
      const input = path.join(dir, 'fields.json');
      const out = path.join(dir, 'generated.ts');
      await writeFile(input, JSON.stringify(data));
      await run(tsx, [script, input, '--out', out], { cwd: root });
      const text = await readFile(out, 'utf8');
      expect(text).toContain('brandNewField?: string;');
      expect(text).toContain(
        "brandNewField: { type: 'string', required: false, readOnly: true, betaOnly: true }",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
