/** Puts a touchpoint's own facts together with the ones the lower layers state for it. */
import { TOUCHPOINT_DEPENDENCIES, TOUCHPOINT_LABELS } from '../../contract/index.js';
import type { PullTouchpoint, PushTouchpoint } from '../../contract/index.js';
import { RESOURCE_KEY } from '../../infoplus/index.js';
import { PULL_MODELS, PUSH_MODELS } from '../../profile/touchpoint-models.js';
import type {
  PullOwnFacts,
  PullTouchpointDefinition,
  PushOwnFacts,
  PushTouchpointDefinition,
} from './types.js';

/** A push touchpoint: its operations, plus its contract facts, its model facts and its resource's id field. */
export function definePush(name: PushTouchpoint, own: PushOwnFacts): PushTouchpointDefinition {
  return {
    direction: 'push',
    name,
    displayName: TOUCHPOINT_LABELS[name],
    dependsOn: TOUCHPOINT_DEPENDENCIES[name],
    ...PUSH_MODELS[name],
    idField: RESOURCE_KEY[own.resource],
    ...own,
  };
}

/** A pull touchpoint: its search, cursor and ERP side, plus its contract facts and model. */
export function definePull(name: PullTouchpoint, own: PullOwnFacts): PullTouchpointDefinition {
  return {
    direction: 'pull',
    name,
    displayName: TOUCHPOINT_LABELS[name],
    dependsOn: TOUCHPOINT_DEPENDENCIES[name],
    ...PULL_MODELS[name],
    idField: RESOURCE_KEY[own.resource],
    ...own,
  };
}
