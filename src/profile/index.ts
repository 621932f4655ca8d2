/** Mapping profile: schema, parsing with field-exact problems, JSON Schema export. */
export { parseProfile, loadProfile, validateProfile, type ParseOptions } from './parse.js';
export { ProfileError, type ProfileProblem } from './problems.js';
export { profileJsonSchema, profileJsonSchemaText } from './json-schema.js';
export { PUSH_MODELS, PULL_MODELS, modelOf, type ModelTable } from './touchpoint-models.js';
export { sqlParamNames, expandKeysParam } from './sql-params.js';
export type {
  Profile,
  FieldMapping,
  FieldSpec,
  PushTouchpointProfile,
  PullTouchpointProfile,
  TouchpointProfile,
  Statement,
  LookupTable,
  ErpConnectionProfile,
  InfoplusConnectionProfile,
  Schedule,
} from './schema.js';
export {
  erpConfigFromProfile,
  infoplusOptionsFromProfile,
  DEFAULT_ERP_PASSWORD_ENV,
  DEFAULT_INFOPLUS_API_KEY_ENV,
} from './connections.js';
