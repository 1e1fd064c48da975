export * from './hcl.js';
export * from './iam.js';
