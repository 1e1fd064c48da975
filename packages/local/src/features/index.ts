import { gatewayWiring } from './gateway.js';
import type { FeatureWiring } from './wiring.js';

/** Every feature of the suite, as the sandbox runs them. */
export function featureWirings(): FeatureWiring[] {
  return [];
}

/** The features plus the gateway in front of them. */
export function allFeatures(features: FeatureWiring[] = featureWirings()): FeatureWiring[] {
  return [gatewayWiring(features), ...features];
}
