import { join } from 'node:path';
import {
  loadModule,
  nested,
  policyDocuments,
  resource,
  resources,
  TERRAFORM_ROOT,
  type TfModule,
} from '../src/hcl.js';

describe('modules/lambda-function', () => {
  let module: TfModule;

  beforeAll(async () => {
    module = await loadModule(join(TERRAFORM_ROOT, 'modules', 'lambda-function'));
  });

  describe('aws_lambda_function.this', () => {
    it('runs Node.js 22 on arm64 from the built zip by default', () => {
      // Act
      const fn = resource(module, 'aws_lambda_function', 'this');

      // Assess
      expect(module.variable.runtime?.default).toBe('nodejs22.x');
      expect(module.variable.architecture?.default).toBe('arm64');
      expect(module.variable.handler?.default).toBe('index.handler');
      expect(fn.filename).toBe('${var.filename}');
      expect(fn.source_code_hash).toBe('${filebase64sha256(var.filename)}');
      expect(fn.architectures).toEqual(['${var.architecture}']);
    });

    it('sends failed asynchronous events to its DLQ, which the role may write to', () => {
      // Act
      const fn = resource(module, 'aws_lambda_function', 'this');
      const dlq = nested(nested(fn, 'dynamic'), 'dead_letter_config');
      const send = policyDocuments(module)
        .find((d) => d.name === 'basic')
        ?.statements.find((s) => s.sid === 'SendFailedEventsToDlq');

      // Assess
      expect(nested(dlq, 'content').target_arn).toBe('${aws_sqs_queue.dlq[0].arn}');
      expect(send?.actions).toEqual(['sqs:SendMessage']);
      expect(send?.resources).toEqual(['${aws_sqs_queue.dlq[0].arn}']);
    });

    it('creates its log group before the function so retention applies', () => {
      // Act
      const fn = resource(module, 'aws_lambda_function', 'this');
      const group = resource(module, 'aws_cloudwatch_log_group', 'this');

      // Assess
      expect(group.name).toBe('/aws/lambda/${var.function_name}');
      expect(group.retention_in_days).toBe('${var.log_retention_days}');
      expect(fn.depends_on).toContain('${aws_cloudwatch_log_group.this}');
    });
  });

  describe('aws_lambda_function_event_invoke_config.this', () => {
    it('sets the retry attempts only when they are given', () => {
      // Act
      const config = resource(module, 'aws_lambda_function_event_invoke_config', 'this');

      // Assess
      expect(config.count).toBe('${var.maximum_retry_attempts == null ? 0 : 1}');
      expect(config.maximum_retry_attempts).toBe('${var.maximum_retry_attempts}');
    });
  });

  describe('aws_cloudwatch_metric_alarm', () => {
    it('alarms on errors, throttles and p99 duration near the timeout', () => {
      // Act
      const alarms = resources(module, 'aws_cloudwatch_metric_alarm');
      const metrics = Object.fromEntries(alarms.map((a) => [a.body.metric_name, a.body]));

      // Assess
      expect(Object.keys(metrics).sort()).toEqual(['Duration', 'Errors', 'Throttles']);
      expect(metrics.Duration?.extended_statistic).toBe('p99');
      expect(metrics.Duration?.threshold).toBe(
        '${var.timeout * 1000 * var.duration_alarm_threshold_percent / 100}',
      );
      for (const alarm of alarms) expect(alarm.body.alarm_actions).toBe('${var.alarm_actions}');
    });
  });

  describe('aws_iam_role_policy.this', () => {
    it('attaches the caller’s policy document when asked to', () => {
      // Act
      const policy = resource(module, 'aws_iam_role_policy', 'this');

      // Assess
      expect(policy.count).toBe('${var.attach_policy_json ? 1 : 0}');
      expect(policy.policy).toBe('${var.policy_json}');
    });
  });
});
