// API Gateway (HTTP API, payload 2.0) → Slack gateway. Everything here is on the user's 3-second
// clock, so nothing heavier than node:crypto and fetch is loaded: see bench/ for the figures.
import {
  cachedReader,
  getSsmParameter,
  invokeAsync,
  loadConfig,
  putIfAbsent,
  redactSecrets,
  resolveSecret,
} from '@slackops/kit/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { Gateway } from '../app.js';
import { checkSecretSource, gatewayConfigSchema } from '../config.js';
import { enabledFeatures } from '../features.js';

const EVENT_ID_TTL_SECONDS = 24 * 60 * 60;
const LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'];
// Same switch as the workers' Powertools loggers.
const minimumLevel = Math.max(0, LEVELS.indexOf((process.env.POWERTOOLS_LOG_LEVEL ?? 'INFO').toUpperCase()));

const config = loadConfig(gatewayConfigSchema);
checkSecretSource(config);
const readParameter = cachedReader((name) => getSsmParameter(name));

const gateway = new Gateway({
  features: enabledFeatures(process.env),
  // From the configuration read at cold start: the environment does not change during a Lambda's life.
  readSigningSecret: () => resolveSecret('SLACK_SIGNING_SECRET', readParameter, config),
  dispatch: (functionName, payload) => invokeAsync(functionName, payload),
  firstTimeSeen: (eventId) => putIfAbsent(config.EVENTS_TABLE, `event#${eventId}`, EVENT_ID_TTL_SECONDS),
  log: (level, message, fields) => {
    if (LEVELS.indexOf(level.toUpperCase()) < minimumLevel) return;
    const line = JSON.stringify(
      {
        level: level.toUpperCase(),
        message,
        service: 'slack-gateway',
        timestamp: new Date().toISOString(),
        ...fields,
      },
      redactSecrets,
    );
    if (level === 'error') console.error(line);
    else console.log(line);
  },
});

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  return gateway.handle({
    path: event.rawPath,
    requestId: event.requestContext.requestId,
    body: event.body ?? '',
    isBase64Encoded: event.isBase64Encoded,
    headers: event.headers as Record<string, string | undefined>,
  });
}
