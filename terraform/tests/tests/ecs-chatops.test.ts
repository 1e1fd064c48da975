import { join } from 'node:path';
import {
  loadModule,
  nested,
  type PolicyStatement,
  policyDocuments,
  resource,
  TERRAFORM_ROOT,
  type TfModule,
} from '../src/hcl.js';

const statementsOf = (module: TfModule, document: string): Record<string, PolicyStatement> =>
  Object.fromEntries(
    (policyDocuments(module).find((d) => d.name === document)?.statements ?? []).map((s) => [s.sid, s]),
  );

describe('modules/ecs-chatops', () => {
  let module: TfModule;
  let root: TfModule;

  beforeAll(async () => {
    module = await loadModule(join(TERRAFORM_ROOT, 'modules', 'ecs-chatops'));
    root = await loadModule(TERRAFORM_ROOT);
  });

  describe('root ecs-chatops.tf', () => {
    it('switches the feature on and off and passes the built zips', () => {
      // Act
      const call = root.module.ecs_chatops ?? {};

      // Assess
      expect(call.count).toBe('${var.enable_ecs_chatops ? 1 : 0}');
      expect(call.clusters).toBe('${var.ecs_clusters}');
      expect(call.worker_filename).toBe('${local.packages_dir}/ecs-chatops/dist/ecs-chatops-worker.zip');
      expect(call.deployment_events_filename).toBe(
        '${local.packages_dir}/ecs-chatops/dist/ecs-chatops-deployment-events.zip',
      );
    });
  });

  describe('module.worker', () => {
    it('sets exactly the environment the worker reads', () => {
      // Act
      const worker = module.module.worker ?? {};

      // Assess
      expect(worker.function_name).toBe('${var.name_prefix}-ecs-chatops-worker');
      expect(worker.environment_variables).toEqual({
        SLACK_BOT_TOKEN_PARAM: '${var.slack_bot_token_parameter_name}',
        ECS_CLUSTERS: '${local.clusters_json}',
        AUDIT_TABLE: '${var.audit_table_name}',
        STATE_TABLE: '${aws_dynamodb_table.this.name}',
        NOTIFICATION_TOPIC_ARN: '${aws_sns_topic.this.arn}',
        POWERTOOLS_SERVICE_NAME: 'ecs-chatops',
      });
      expect(module.locals.clusters_json).toBe('${jsonencode(var.clusters)}');
    });

    it('never retries a user action and keeps failed ones in a DLQ', () => {
      // Act
      const worker = module.module.worker ?? {};

      // Assess
      expect(worker.maximum_retry_attempts).toBe(0);
      expect(worker.create_dlq).toBe(true);
    });
  });

  describe('module.deployment_events', () => {
    it('sets exactly the environment the deployment follower reads', () => {
      // Act
      const events = module.module.deployment_events ?? {};

      // Assess
      expect(events.function_name).toBe('${var.name_prefix}-ecs-chatops-deployment-events');
      expect(Object.keys(events.environment_variables as object).sort()).toEqual([
        'AUDIT_TABLE',
        'ECS_CLUSTERS',
        'POWERTOOLS_SERVICE_NAME',
        'SLACK_BOT_TOKEN_PARAM',
        'STATE_TABLE',
      ]);
    });
  });

  describe('aws_iam_policy_document.worker', () => {
    it('scopes the service actions to the allow-listed service ARNs', () => {
      // Act
      const bySid = statementsOf(module, 'worker');

      // Assess
      expect(bySid.ReadAllowListedServices?.resources).toBe('${local.service_arns}');
      expect(bySid.ChangeAllowListedServices?.actions).toEqual(['ecs:UpdateService']);
      expect(bySid.ChangeAllowListedServices?.resources).toBe('${local.service_arns}');
      expect(bySid.RollBackAllowListedServiceDeployments?.resources).toBe('${local.service_deployment_arns}');
      expect(String(module.locals.service_arns)).toContain(':service/${s.cluster}/${s.service}');
      expect(String(module.locals.service_deployment_arns)).toContain(
        ':service-deployment/${s.cluster}/${s.service}/*',
      );
    });

    it('scopes task reads to the allow-listed clusters with an ARN condition', () => {
      // Act
      const tasks = statementsOf(module, 'worker').ReadTasksOfAllowListedClusters;

      // Assess
      expect(tasks?.actions).toEqual(['ecs:ListTasks', 'ecs:DescribeTasks']);
      expect(tasks?.conditions).toEqual([
        { test: 'ArnEquals', variable: 'ecs:cluster', values: '${local.cluster_arns}' },
      ]);
      expect(String(module.locals.cluster_arns)).toContain(':cluster/${cluster}');
    });

    it('touches only its own topic, tables and parameter', () => {
      // Act
      const bySid = statementsOf(module, 'worker');

      // Assess
      expect(bySid.NotifyProtectedClusterChanges?.resources).toEqual(['${aws_sns_topic.this.arn}']);
      expect(bySid.WriteAudit?.resources).toEqual(['${var.audit_table_arn}']);
      expect(bySid.KeepState?.resources).toEqual(['${aws_dynamodb_table.this.arn}']);
      expect(bySid.ReadSlackBotToken?.resources).toEqual(['${var.slack_bot_token_parameter_arn}']);
      expect(bySid.ReadServiceLogs?.resources).toBe('${local.log_resources}');
    });

    it('does not register task definitions', () => {
      // Act
      const actions = Object.values(statementsOf(module, 'worker')).flatMap((s) =>
        Array.isArray(s.actions) ? s.actions : [],
      );

      // Assess
      expect(actions).not.toContain('ecs:RegisterTaskDefinition');
      expect(actions).not.toContain('iam:PassRole');
    });
  });

  describe('aws_cloudwatch_event_rule.this', () => {
    it('matches only deployment state changes of the allow-listed services', () => {
      // Act
      const rule = resource(module, 'aws_cloudwatch_event_rule', 'this');
      const pattern = String(rule.event_pattern);

      // Assess
      expect(pattern).toMatch(/source\s*=\s*\["aws\.ecs"\]/);
      expect(pattern).toMatch(/"detail-type"\s*=\s*\["ECS Deployment State Change"\]/);
      expect(pattern).toMatch(/resources\s*=\s*local\.home_region_service_arns/);
      expect(String(module.locals.home_region_service_arns)).toContain(':service/${s.cluster}/${s.service}');
    });

    it('targets the deployment-events function with a permission scoped to the rule', () => {
      // Act
      const target = resource(module, 'aws_cloudwatch_event_target', 'this');
      const permission = resource(module, 'aws_lambda_permission', 'events');

      // Assess
      expect(target.arn).toBe('${module.deployment_events.function_arn}');
      expect(permission.principal).toBe('events.amazonaws.com');
      expect(permission.source_arn).toBe('${aws_cloudwatch_event_rule.this[0].arn}');
    });
  });

  describe('aws_dynamodb_table.this', () => {
    it('keeps state by pk with TTL on expiresAt', () => {
      // Act
      const table = resource(module, 'aws_dynamodb_table', 'this');

      // Assess
      expect(module.locals.state_table_name).toBe('${var.name_prefix}-ecs-chatops-state');
      expect(table.name).toBe('${local.state_table_name}');
      expect(table.hash_key).toBe('pk');
      expect(table.attribute).toEqual([{ name: 'pk', type: 'S' }]);
      expect(nested(table, 'ttl')).toEqual({ attribute_name: 'expiresAt', enabled: true });
    });
  });

  describe('aws_sns_topic_subscription.email', () => {
    it('subscribes every notification email to the topic', () => {
      // Act
      const subscription = resource(module, 'aws_sns_topic_subscription', 'email');

      // Assess
      expect(subscription.for_each).toBe('${toset(var.notification_emails)}');
      expect(subscription.protocol).toBe('email');
      expect(subscription.topic_arn).toBe('${aws_sns_topic.this.arn}');
    });
  });
});
