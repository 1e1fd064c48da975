export * from './core.js';
export * from './slack/web-client.js';
export * from './slack/response-url.js';
export * from './logger.js';
export * from './parameters.js';
export * from './audit.js';
