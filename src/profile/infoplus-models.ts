/** The generated Infoplus model table seen through the profile's narrow ModelTable view. */
import { MODEL_FIELDS } from '../infoplus/models/generated.js';
import type { ModelTable } from './touchpoint-models.js';

/** Field names, types, required and readOnly flags of every Infoplus model. */
export const INFOPLUS_MODELS: ModelTable = MODEL_FIELDS;
