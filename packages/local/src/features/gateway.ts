import { SANDBOX_PARAMETERS } from '../aws/services/ssm.js';
import type { FeatureWiring } from './wiring.js';

/** The Slack gateway: the one function behind API Gateway's /slack/* routes. */
export function gatewayWiring(features: FeatureWiring[]): FeatureWiring {
  return {
    name: 'slack-gateway',
    functions: [
      {
        name: 'slack-gateway',
        load: () => import('@slackops/slack-gateway/handlers/gateway').then((m) => m.handler as never),
        env: (info) =>
          Object.assign(
            {
              SLACK_SIGNING_SECRET_PARAM: SANDBOX_PARAMETERS.signingSecret,
              EVENTS_TABLE: info.tableName('slack-events'),
            },
            ...features.map((feature) => feature.gatewayEnv?.(info) ?? {}),
          ),
      },
    ],
    tables: [
      { name: 'slack-events', ttl: true },
      { name: 'audit', rangeKey: true },
    ],
  };
}
