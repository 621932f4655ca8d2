/** JSON Schema of the mapping profile for editors (YAML language server, VS Code). */
import { z } from 'zod';
import { profileSchema } from './schema.js';

/** The profile's JSON Schema (draft 2020-12), describing what an admin may write. */
export function profileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(profileSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    title: 'Infoplus ERP Sync mapping profile',
    $id: 'https://infoplus-erp-sync.local/profile.schema.json',
  };
}

/** The schema as the text stored in src/profile/profile.schema.json. */
export function profileJsonSchemaText(): string {
  return `${JSON.stringify(profileJsonSchema(), null, 2)}\n`;
}
