// The features the gateway fronts, each switched on by its worker's function name in the environment.
import { loadConfig } from '@slackops/kit/core';
import { createEcsFeature, ecsGatewayConfigSchema } from '@slackops/ecs-chatops/gateway';
import type { RegisteredFeature } from './domain/router.js';

export function enabledFeatures(env: NodeJS.ProcessEnv): RegisteredFeature[] {
  const features: RegisteredFeature[] = [];
  if (env.ECS_WORKER_FUNCTION) {
    const config = loadConfig(ecsGatewayConfigSchema, env);
    features.push({ feature: createEcsFeature(config), workerFunction: env.ECS_WORKER_FUNCTION });
  }
  return features;
}
