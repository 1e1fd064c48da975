import { join } from 'node:path';
import {
  loadModule,
  nested,
  parseHclFile,
  policyDocuments,
  resource,
  TERRAFORM_ROOT,
  type TfModule,
  variables,
} from '../src/hcl.js';

describe('root module', () => {
  let root: TfModule;

  beforeAll(async () => {
    root = await loadModule(TERRAFORM_ROOT);
  });

  describe('variables()', () => {
    it('defines the suite-wide settings once when it reads the root', () => {
      // Act
      const names = variables(root).map((v) => v.name);

      // Assess
      expect(names).toEqual(
        expect.arrayContaining([
          'name_prefix',
          'aws_region',
          'tags',
          'log_retention_days',
          'slack_bot_token_parameter',
          'slack_signing_secret_parameter',
          'slack_critical_channel',
          'slack_heartbeat_channel',
          'notification_emails',
          'enable_ecs_chatops',
          'ecs_clusters',
        ]),
      );
      expect(root.variable.name_prefix?.default).toBe('slackops');
    });

    it('validates the allow-list of ECS clusters when it reads ecs_clusters', () => {
      // Act
      const conditions = variables(root)
        .find((v) => v.name === 'ecs_clusters')
        ?.validations.map((rule) => rule.condition)
        .join('\n');

      // Assess
      expect(conditions).toContain('!c.protected || length(c.approvers) > 0');
      expect(conditions).toContain('length(c.services) > 0');
      expect(conditions).toContain('^[UWS][A-Z0-9]{2,}$');
      expect(root.variable.ecs_clusters?.type).toContain('max_desired_count = optional(number, 20)');
    });

    it('tells how to create the SSM parameters when it describes the Slack secrets', () => {
      // Act
      const descriptions = ['slack_bot_token_parameter', 'slack_signing_secret_parameter'].map(
        (name) => root.variable[name]?.description,
      );

      // Assess
      for (const description of descriptions)
        expect(description).toMatch(/aws ssm put-parameter --name \S+ --type SecureString/);
    });
  });

  describe('aws_dynamodb_table', () => {
    it('keeps an append-only audit table with recovery and encryption', () => {
      // Act
      const audit = resource(root, 'aws_dynamodb_table', 'audit');

      // Assess
      expect(audit.name).toBe('${var.name_prefix}-audit');
      expect([audit.hash_key, audit.range_key]).toEqual(['pk', 'sk']);
      expect(audit.attribute).toEqual([
        { name: 'pk', type: 'S' },
        { name: 'sk', type: 'S' },
      ]);
      expect(nested(audit, 'point_in_time_recovery').enabled).toBe(true);
      expect(nested(audit, 'server_side_encryption').enabled).toBe(true);
    });

    it('expires the Slack events it has seen through TTL', () => {
      // Act
      const events = resource(root, 'aws_dynamodb_table', 'slack_events');

      // Assess
      expect(events.name).toBe('${var.name_prefix}-slack-events');
      expect(events.hash_key).toBe('pk');
      expect(nested(events, 'ttl')).toEqual({ attribute_name: 'expiresAt', enabled: true });
    });
  });

  describe('module.slack_gateway', () => {
    it('configures the gateway with the names its code reads', () => {
      // Act
      const gateway = root.module.slack_gateway ?? {};
      const environment =
        String(gateway.environment_variables) + JSON.stringify(root.locals.gateway_feature_environment);

      // Assess
      expect(gateway.function_name).toBe('${var.name_prefix}-slack-gateway');
      expect(gateway.filename).toBe('${local.packages_dir}/slack-gateway/dist/slack-gateway.zip');
      expect(root.locals.packages_dir).toBe('${path.root}/../packages');
      for (const name of [
        'SLACK_SIGNING_SECRET_PARAM',
        'EVENTS_TABLE',
        'ECS_WORKER_FUNCTION',
        'ECS_CLUSTERS',
      ]) {
        expect(environment).toContain(name);
      }
    });

    it('lets the gateway invoke the feature workers and nothing else', () => {
      // Act
      const statements = policyDocuments(root).find((d) => d.name === 'slack_gateway')?.statements ?? [];
      const invoke = statements.filter(
        (s) => Array.isArray(s.actions) && s.actions.some((a) => a.startsWith('lambda:')),
      );
      const workers = String(root.locals.gateway_worker_function_arns);

      // Assess
      expect(invoke).toHaveLength(1);
      expect(invoke[0]?.actions).toEqual(['lambda:InvokeFunction']);
      expect(invoke[0]?.resources).toBe('${local.gateway_worker_function_arns}');
      expect(workers.match(/\.[a-z_]+_arn\b/g)?.every((ref) => ref.endsWith('worker_function_arn'))).toBe(
        true,
      );
      expect(workers).toContain('module.ecs_chatops');
    });

    it('reads only the signing secret and writes only the events table', () => {
      // Act
      const statements = policyDocuments(root).find((d) => d.name === 'slack_gateway')?.statements ?? [];
      const bySid = Object.fromEntries(statements.map((s) => [s.sid, s]));

      // Assess
      expect(bySid.ReadSigningSecret?.resources).toEqual(['${local.slack_signing_secret_parameter_arn}']);
      expect(bySid.DropRetriedSlackEvents?.resources).toEqual(['${aws_dynamodb_table.slack_events.arn}']);
      expect(bySid.DecryptSigningSecret?.conditions).toEqual([
        { test: 'StringEquals', variable: 'kms:ViaService', values: ['ssm.${var.aws_region}.amazonaws.com'] },
      ]);
    });
  });

  describe('outputs', () => {
    it('gives the Slack app manifest the three request URLs and the bot scopes', () => {
      // Act
      const manifest =
        JSON.stringify(root.locals.slack_app_manifest) + JSON.stringify(root.locals.slack_slash_commands);

      // Assess
      expect(root.output.slack_app_manifest?.value).toBe('${jsonencode(local.slack_app_manifest)}');
      expect(manifest).toContain('module.slack_api.commands_url');
      expect(manifest).toContain('module.slack_api.interactivity_url');
      expect(manifest).toContain('module.slack_api.events_url');
      expect(manifest).toContain('/ecs-status');
      expect(root.locals.slack_app_manifest).toMatchObject({
        oauth_config: {
          scopes: {
            bot: [
              'commands',
              'chat:write',
              'chat:write.public',
              'files:write',
              'usergroups:read',
              'users:read',
            ],
          },
        },
        settings: { interactivity: { is_enabled: true } },
      });
    });

    it('exports the API URL and the function names', () => {
      // Act
      const names = Object.keys(root.output);

      // Assess
      expect(names).toEqual(
        expect.arrayContaining([
          'slack_api_url',
          'slack_app_manifest',
          'slack_gateway_function_name',
          'ecs_chatops_worker_function_name',
        ]),
      );
    });
  });

  describe('terraform.tfvars.example', () => {
    it('shows every root variable and nothing else', async () => {
      // Prepare
      const example = await parseHclFile(join(TERRAFORM_ROOT, '..', 'terraform.tfvars.example'));

      // Act
      const shown = Object.keys(example).sort();
      const declared = Object.keys(root.variable).sort();

      // Assess
      expect(shown.filter((name) => !declared.includes(name))).toEqual([]);
      expect(declared.filter((name) => !shown.includes(name))).toEqual([]);
    });
  });
});
