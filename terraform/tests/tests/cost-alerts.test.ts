import { join } from 'node:path';
import {
  type Block,
  loadModule,
  nested,
  nestedAll,
  type PolicyStatement,
  policyDocuments,
  resource,
  TERRAFORM_ROOT,
  type TfModule,
  variables,
} from '../src/hcl.js';
import { iamActionsByFunction } from '../src/iam.js';

const statementsOf = (module: TfModule, document: string): Record<string, PolicyStatement> =>
  Object.fromEntries(
    (policyDocuments(module).find((d) => d.name === document)?.statements ?? []).map((s) => [s.sid, s]),
  );

const HEARTBEAT = '${var.heartbeat_topic_arn}';
const CRITICAL = '${var.critical_topic_arn}';
const WARNING = '${var.warning_threshold_percent}';
const CRITICAL_THRESHOLD = '${var.critical_threshold_percent}';

const routesOf = (budget: Block) =>
  nestedAll(budget, 'notification').map((n) => ({
    type: n.notification_type,
    threshold: n.threshold,
    topics: n.subscriber_sns_topic_arns,
    thresholdType: n.threshold_type,
  }));

describe('modules/notifications', () => {
  let module: TfModule;

  beforeAll(async () => {
    module = await loadModule(join(TERRAFORM_ROOT, 'modules', 'notifications'));
  });

  describe('data.aws_iam_policy_document.topic', () => {
    it('lets Budgets publish only for this account and from its budgets', () => {
      // Act
      const budgets = statementsOf(module, 'topic').AllowBudgets;

      // Assess
      expect(budgets?.actions).toEqual(['sns:Publish']);
      expect(
        nested(policyDocuments(module).find((d) => d.name === 'topic')!.body, 'statement').principals,
      ).toEqual([{ type: 'Service', identifiers: ['budgets.amazonaws.com'] }]);
      expect(budgets?.conditions).toEqual([
        { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['${local.account}'] },
        {
          test: 'ArnLike',
          variable: 'aws:SourceArn',
          values: ['arn:${local.partition}:budgets::${local.account}:*'],
        },
      ]);
    });

    it('lets Cost Anomaly Detection and CloudWatch publish only on behalf of this account', () => {
      // Act
      const statements = statementsOf(module, 'topic');

      // Assess
      expect(statements.AllowCostAnomalyDetection?.conditions).toEqual([
        { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['${local.account}'] },
      ]);
      expect(statements.AllowCloudWatchAlarms?.conditions).toEqual([
        { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['${local.account}'] },
        {
          test: 'ArnLike',
          variable: 'aws:SourceArn',
          values: ['arn:${local.partition}:cloudwatch:*:${local.account}:alarm:*'],
        },
      ]);
    });

    it('gives every service principal statement an aws:SourceAccount condition', () => {
      // Prepare
      const document = policyDocuments(module).find((d) => d.name === 'topic')!;
      const raw = nestedAll(document.body, 'statement');

      // Act
      const unconditioned = raw
        .filter((s) => nestedAll(s, 'principals').some((p) => p.type === 'Service'))
        .filter((s) => !nestedAll(s, 'condition').some((c) => c.variable === 'aws:SourceAccount'))
        .map((s) => s.sid);

      // Assess
      expect(raw.filter((s) => nestedAll(s, 'principals').some((p) => p.type === 'Service'))).toHaveLength(3);
      expect(unconditioned).toEqual([]);
    });
  });

  describe('aws_chatbot_slack_channel_configuration.this', () => {
    it('is optional and read-only by default', () => {
      // Act
      const config = resource(module, 'aws_chatbot_slack_channel_configuration', 'this');
      const guardrail = variables(module).find((v) => v.name === 'chatbot_guardrail_policy_arns');

      // Assess
      expect(config.for_each).toBe('${var.chatbot == null ? toset([]) : local.channels}');
      expect(config.guardrail_policy_arns).toBe('${var.chatbot_guardrail_policy_arns}');
      expect(guardrail?.default).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    });
  });
});

describe('modules/cost-alerts', () => {
  let module: TfModule;
  let root: TfModule;

  beforeAll(async () => {
    module = await loadModule(join(TERRAFORM_ROOT, 'modules', 'cost-alerts'));
    root = await loadModule(TERRAFORM_ROOT);
  });

  describe('aws_budgets_budget', () => {
    it('creates no FORECASTED alert for the daily budget', () => {
      // Act
      const daily = resource(module, 'aws_budgets_budget', 'daily');

      // Assess
      expect(daily.time_unit).toBe('DAILY');
      expect(routesOf(daily).map((r) => r.type)).toEqual(['ACTUAL', 'ACTUAL']);
    });

    it('routes warnings to heartbeat and overruns to critical for the daily budget', () => {
      // Act
      const routes = routesOf(resource(module, 'aws_budgets_budget', 'daily'));

      // Assess
      expect(routes).toEqual([
        { type: 'ACTUAL', threshold: WARNING, topics: [HEARTBEAT], thresholdType: 'PERCENTAGE' },
        { type: 'ACTUAL', threshold: CRITICAL_THRESHOLD, topics: [CRITICAL], thresholdType: 'PERCENTAGE' },
      ]);
    });

    it('routes ACTUAL and FORECASTED warnings to heartbeat and overruns to critical for the monthly budget', () => {
      // Act
      const monthly = resource(module, 'aws_budgets_budget', 'monthly');

      // Assess
      expect(monthly.time_unit).toBe('MONTHLY');
      expect(routesOf(monthly)).toEqual([
        { type: 'ACTUAL', threshold: WARNING, topics: [HEARTBEAT], thresholdType: 'PERCENTAGE' },
        { type: 'FORECASTED', threshold: WARNING, topics: [HEARTBEAT], thresholdType: 'PERCENTAGE' },
        { type: 'ACTUAL', threshold: CRITICAL_THRESHOLD, topics: [CRITICAL], thresholdType: 'PERCENTAGE' },
        {
          type: 'FORECASTED',
          threshold: CRITICAL_THRESHOLD,
          topics: [CRITICAL],
          thresholdType: 'PERCENTAGE',
        },
      ]);
    });

    it('adds FORECASTED to extra budgets only when they are not DAILY', () => {
      // Act
      const notifications = String(module.locals.extra_budget_notifications);

      // Assess
      expect(notifications).toContain('budget.time_unit == "DAILY" ? [] :');
      expect(notifications.indexOf('FORECASTED')).toBeGreaterThan(
        notifications.indexOf('budget.time_unit == "DAILY"'),
      );
    });

    it('leaves credits and refunds out of every budget, as the daily report does', () => {
      // Act
      const costTypes = ['daily', 'monthly', 'extra'].map((name) =>
        nested(resource(module, 'aws_budgets_budget', name), 'cost_types'),
      );

      // Assess
      for (const types of costTypes)
        expect([types.include_credit, types.include_refund]).toEqual([false, false]);
    });
  });

  describe('email subscribers', () => {
    it.each(['daily_budget_emails', 'monthly_budget_emails', 'extra_budgets'])(
      'validates at most 10 per notification in %s',
      (name) => {
        // Act
        const variable = variables(module).find((v) => v.name === name);

        // Assess
        expect(variable?.validations.some((v) => /length\(.*\) <= 10/.test(v.condition))).toBe(true);
      },
    );

    it('validates the limit in the root variable as well', () => {
      // Act
      const settings = variables(root).find((v) => v.name === 'cost_alerts');

      // Assess
      expect(
        settings?.validations.some((x) =>
          x.condition.includes('length(var.cost_alerts.daily_budget_emails) <= 10'),
        ),
      ).toBe(true);
    });
  });

  describe('aws_ce_anomaly_subscription.this', () => {
    it('alerts the critical topic immediately from a configurable impact', () => {
      // Act
      const subscription = resource(module, 'aws_ce_anomaly_subscription', 'this');

      // Assess
      expect(subscription.frequency).toBe('IMMEDIATE');
      expect(nested(subscription, 'subscriber')).toEqual({ type: 'SNS', address: CRITICAL });
      expect(nested(nested(subscription, 'threshold_expression'), 'dimension').values).toEqual([
        '${tostring(var.anomaly_threshold_amount)}',
      ]);
    });
  });

  describe('triggers', () => {
    it('subscribes the notifier to both topics but never to what cost-alerts publishes itself', () => {
      // Act
      const subscription = resource(module, 'aws_sns_topic_subscription', 'notifier');

      // Assess
      expect(subscription.for_each).toEqual({ critical: CRITICAL, heartbeat: HEARTBEAT });
      expect(subscription.protocol).toBe('lambda');
      expect(subscription.filter_policy).toBe('${jsonencode({ slackops_origin = [{ exists = false }] })}');
    });

    it('keeps failed notifications in a DLQ after Lambda’s retries', () => {
      // Act
      const notifier = module.module.notifier ?? {};

      // Assess
      expect([notifier.create_dlq, notifier.maximum_retry_attempts]).toEqual([true, 2]);
    });
  });

  describe('IAM', () => {
    it('lets the daily report read Cost Explorer on * (no resource-level permissions) and nothing else of it', () => {
      // Act
      const statements = statementsOf(module, 'daily_report');

      // Assess
      expect(statements.ReadCostExplorer).toMatchObject({
        actions: ['ce:GetCostAndUsage', 'ce:GetCostForecast'],
        resources: ['*'],
        dynamic: false,
      });
    });

    it('grants the bot token in slack mode and sns:Publish on the two topics only in chatbot mode', () => {
      for (const document of ['notifier', 'daily_report']) {
        // Act
        const statements = statementsOf(module, document);

        // Assess
        expect(statements.ReadSlackBotToken).toMatchObject({
          dynamic: true,
          forEach: '${local.slack_mode ? [var.slack_bot_token_parameter_arn] : []}',
        });
        expect(statements.PublishToChannelTopics).toMatchObject({
          actions: ['sns:Publish'],
          dynamic: true,
          forEach: '${local.slack_mode ? [] : [local.topic_arns]}',
        });
        expect(module.locals.topic_arns).toEqual([CRITICAL, HEARTBEAT]);
      }
    });

    it('publishes metrics as EMF, without cloudwatch:PutMetricData', async () => {
      // Act
      const allowed = await iamActionsByFunction(TERRAFORM_ROOT);

      // Assess
      expect([...(allowed['cost-alerts-daily-report'] ?? [])].sort()).toEqual(
        ['ce:GetCostAndUsage', 'ce:GetCostForecast', 'sns:Publish', 'ssm:GetParameter'].sort(),
      );
      expect([...(allowed['cost-alerts-notifier'] ?? [])].sort()).toEqual([
        'sns:Publish',
        'ssm:GetParameter',
      ]);
    });
  });

  describe('module.notifier and module.daily_report', () => {
    it('set exactly the environment the functions read', () => {
      // Act
      const common = String(module.locals.common_environment);
      const report = module.module.daily_report?.environment_variables;

      // Assess
      for (const name of [
        'DELIVERY_MODE',
        'CRITICAL_TOPIC_ARN',
        'HEARTBEAT_TOPIC_ARN',
        'CRITICAL_CHANNEL',
        'HEARTBEAT_CHANNEL',
        'SLACK_BOT_TOKEN_PARAM',
      ])
        expect(common).toContain(name);
      expect(module.module.notifier?.environment_variables).toBe('${local.common_environment}');
      for (const name of ['DAILY_BUDGET', 'MONTHLY_BUDGET', 'CURRENCY', 'POWERTOOLS_METRICS_NAMESPACE'])
        expect(String(report)).toContain(name);
    });
  });

  describe('root cost-alerts.tf', () => {
    it('switches the feature on and off and passes the built zips and the two topics', () => {
      // Act
      const call = root.module.cost_alerts ?? {};

      // Assess
      expect(call.count).toBe('${var.enable_cost_alerts ? 1 : 0}');
      expect(root.module.notifications?.count).toBe('${var.enable_cost_alerts ? 1 : 0}');
      expect(call.notifier_filename).toBe('${local.packages_dir}/cost-alerts/dist/cost-alerts-notifier.zip');
      expect(call.daily_report_filename).toBe(
        '${local.packages_dir}/cost-alerts/dist/cost-alerts-daily-report.zip',
      );
      expect(call.critical_topic_arn).toBe('${module.notifications[0].critical_topic_arn}');
      expect(Object.keys(root.output)).toEqual(
        expect.arrayContaining(['critical_topic_arn', 'heartbeat_topic_arn']),
      );
    });
  });
});
