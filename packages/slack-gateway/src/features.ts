// The features the gateway fronts, each switched on by its worker's function name in the environment.
import type { RegisteredFeature } from './domain/router.js';

export function enabledFeatures(_env: NodeJS.ProcessEnv): RegisteredFeature[] {
  return [];
}
