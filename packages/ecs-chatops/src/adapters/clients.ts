// SDK clients per region (clusters may live in other regions), created once per container.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ECSClient } from '@aws-sdk/client-ecs';
import type { Clusters } from '../config.js';

export function regionalClients(clusters: Clusters, defaultRegion: string) {
  const ecs = new Map<string, ECSClient>();
  const cloudwatch = new Map<string, CloudWatchClient>();
  const regionOf = (key: string) =>
    key.startsWith('region:')
      ? key.slice('region:'.length) || defaultRegion
      : (clusters[key]?.region ?? defaultRegion);
  return {
    ecs: (key: string) => {
      const region = regionOf(key);
      if (!ecs.has(region)) ecs.set(region, new ECSClient({ region, maxAttempts: 3 }));
      return ecs.get(region)!;
    },
    cloudwatch: (key: string) => {
      const region = regionOf(key);
      if (!cloudwatch.has(region)) cloudwatch.set(region, new CloudWatchClient({ region, maxAttempts: 3 }));
      return cloudwatch.get(region)!;
    },
  };
}
