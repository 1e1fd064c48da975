// The parts of kit with no AWS or Slack SDK behind them: what the Slack gateway and the features'
// pure command modules may import without growing the gateway bundle.
export * from './errors.js';
export * from './slack/verify.js';
export * from './slack/requests.js';
export * from './slack/args.js';
export * from './slack/blocks.js';
export * from './slack/feature.js';
export * from './authz.js';
export * from './config.js';
export * from './secrets.js';
export * from './aws/signed-fetch.js';
export * from './redact.js';
