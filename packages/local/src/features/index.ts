import { ciEventsFeature } from './ci-events.js';
import { costAlertsFeature } from './cost-alerts.js';
import { ecsChatopsFeature } from './ecs-chatops.js';
import { gatewayWiring } from './gateway.js';
import type { FeatureWiring } from './wiring.js';

/** Every feature of the suite, as the sandbox runs them (and the demo tells them, in this order). */
export function featureWirings(): FeatureWiring[] {
  return [ecsChatopsFeature, ciEventsFeature, costAlertsFeature];
}

/** The features plus the gateway in front of them. */
export function allFeatures(features: FeatureWiring[] = featureWirings()): FeatureWiring[] {
  return [gatewayWiring(features), ...features];
}
