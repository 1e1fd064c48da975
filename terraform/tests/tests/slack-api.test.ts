import { join } from 'node:path';
import { loadModule, nested, resource, TERRAFORM_ROOT, type TfModule } from '../src/hcl.js';

describe('modules/slack-api', () => {
  let module: TfModule;

  beforeAll(async () => {
    module = await loadModule(join(TERRAFORM_ROOT, 'modules', 'slack-api'));
  });

  describe('aws_apigatewayv2_route.this', () => {
    it('routes the three Slack endpoints to the gateway with payload format 2.0', () => {
      // Act
      const route = resource(module, 'aws_apigatewayv2_route', 'this');
      const integration = resource(module, 'aws_apigatewayv2_integration', 'this');

      // Assess
      expect(module.variable.routes?.default).toEqual([
        'POST /slack/commands',
        'POST /slack/interactivity',
        'POST /slack/events',
      ]);
      expect(route.for_each).toBe('${toset(var.routes)}');
      expect(integration.integration_type).toBe('AWS_PROXY');
      expect(integration.payload_format_version).toBe('2.0');
      expect(integration.integration_uri).toBe('${var.lambda_invoke_arn}');
    });
  });

  describe('aws_apigatewayv2_stage.this', () => {
    it('auto-deploys the $default stage with throttling and access logs', () => {
      // Act
      const stage = resource(module, 'aws_apigatewayv2_stage', 'this');

      // Assess
      expect(stage.name).toBe('$default');
      expect(stage.auto_deploy).toBe(true);
      expect(nested(stage, 'default_route_settings')).toEqual({
        throttling_burst_limit: '${var.throttling_burst_limit}',
        throttling_rate_limit: '${var.throttling_rate_limit}',
      });
      expect(nested(stage, 'access_log_settings').destination_arn).toBe(
        '${aws_cloudwatch_log_group.access.arn}',
      );
    });
  });

  describe('aws_lambda_permission.this', () => {
    it('lets only this API invoke the gateway, on its /slack/* routes', () => {
      // Act
      const permission = resource(module, 'aws_lambda_permission', 'this');

      // Assess
      expect(permission.principal).toBe('apigateway.amazonaws.com');
      expect(permission.source_arn).toBe('${aws_apigatewayv2_api.this.execution_arn}/*/POST/slack/*');
    });
  });

  describe('outputs', () => {
    it('exports the three request URLs under the API endpoint', () => {
      // Act
      const urls = ['commands_url', 'interactivity_url', 'events_url'].map(
        (name) => module.output[name]?.value,
      );

      // Assess
      expect(urls).toEqual([
        '${aws_apigatewayv2_api.this.api_endpoint}/slack/commands',
        '${aws_apigatewayv2_api.this.api_endpoint}/slack/interactivity',
        '${aws_apigatewayv2_api.this.api_endpoint}/slack/events',
      ]);
    });
  });
});
