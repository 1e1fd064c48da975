export { createEcsFeature, ecsGatewayConfigSchema } from './gateway.js';
export { parseEcsCommand, EcsUsageError } from './domain/command.js';
export type { EcsRequest } from './domain/command.js';
export { taskSchema, changeSchema } from './domain/tasks.js';
export type { EcsTask, Change } from './domain/tasks.js';
export { clusterSchema, workerConfigSchema } from './config.js';
export type { ClusterConfig, Clusters } from './config.js';
export * from './errors.js';
