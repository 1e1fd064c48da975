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

describe('modules/ci-events', () => {
  let module: TfModule;

  beforeAll(async () => {
    module = await loadModule(join(TERRAFORM_ROOT, 'modules', 'ci-events'));
  });

  describe('aws_sqs_queue.this', () => {
    it('redrives to the dead-letter queue after max_receive_count deliveries', () => {
      // Act
      const queue = resource(module, 'aws_sqs_queue', 'this');

      // Assess
      expect(String(queue.redrive_policy)).toContain('deadLetterTargetArn = aws_sqs_queue.dlq.arn');
      expect(String(queue.redrive_policy)).toContain('maxReceiveCount     = var.max_receive_count');
    });

    it('keeps messages invisible for at least 6 times the function timeout', () => {
      // Act
      const queue = resource(module, 'aws_sqs_queue', 'this');
      const text = JSON.stringify(queue);

      // Assess
      expect(queue.visibility_timeout_seconds).toBe('${local.visibility_timeout}');
      expect(text).toContain('local.visibility_timeout >= 6 * var.function_timeout');
    });
  });

  describe('aws_lambda_event_source_mapping.this', () => {
    it('reports batch item failures and caps concurrency', () => {
      // Act
      const mapping = resource(module, 'aws_lambda_event_source_mapping', 'this');

      // Assess
      expect(mapping.function_response_types).toEqual(['ReportBatchItemFailures']);
      expect(nested(mapping, 'scaling_config').maximum_concurrency).toBe('${var.maximum_concurrency}');
    });
  });

  describe('IAM', () => {
    it('lets senders do exactly sqs:SendMessage on this queue', () => {
      // Act
      const sender = statementsOf(module, 'sender');

      // Assess
      expect(Object.values(sender)).toHaveLength(1);
      expect(sender.SendCiEvents).toMatchObject({
        actions: ['sqs:SendMessage'],
        resources: ['${aws_sqs_queue.this.arn}'],
      });
    });

    it('lets the processor send only to the dead-letter queue and write only its own table', () => {
      // Act
      const processor = statementsOf(module, 'processor');

      // Assess
      expect(processor.ParkUnprocessableMessages).toMatchObject({
        actions: ['sqs:SendMessage'],
        resources: ['${aws_sqs_queue.dlq.arn}'],
      });
      expect(processor.KeepThreadState?.resources).toEqual(['${aws_dynamodb_table.state.arn}']);
    });

    it('lets the processor read only the one Slack credential its delivery mode uses', () => {
      // Act
      const processor = statementsOf(module, 'processor');

      // Assess: each read is dynamic, and the two for_each conditions exclude each other
      expect(processor.ReadSlackBotToken).toMatchObject({ actions: ['ssm:GetParameter'], dynamic: true });
      expect(processor.ReadSlackWebhookUrl).toMatchObject({ actions: ['ssm:GetParameter'], dynamic: true });
      expect(processor.ReadSlackBotToken?.forEach).toContain('slack_webhook_url_parameter_arn == null');
      expect(processor.ReadSlackBotToken?.forEach).toMatch(
        /\[var\.slack_bot_token_parameter_arn\]\s*:\s*\[\]/,
      );
      expect(processor.ReadSlackWebhookUrl?.forEach).toMatch(
        /\?\s*\[\]\s*:\s*\[var\.slack_webhook_url_parameter_arn\]/,
      );
    });
  });

  describe('alarms', () => {
    it('alarms on a non-empty dead-letter queue and on old messages', () => {
      // Act
      const depth = resource(module, 'aws_cloudwatch_metric_alarm', 'dlq_depth');
      const age = resource(module, 'aws_cloudwatch_metric_alarm', 'oldest_message_age');

      // Assess
      expect(depth.metric_name).toBe('ApproximateNumberOfMessagesVisible');
      expect(age.metric_name).toBe('ApproximateAgeOfOldestMessage');
    });
  });
});
