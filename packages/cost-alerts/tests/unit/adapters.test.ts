import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
} from '@aws-sdk/client-cost-explorer';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { ChatbotChannelNotifier } from '../../src/adapters/chatbot-notifier.js';
import { CostExplorerReader, EXCLUDE_CREDITS_AND_REFUNDS } from '../../src/adapters/cost-explorer.js';
import { chatbotAlert, renderAlert } from '../../src/domain/render.js';
import { parseNotification } from '../../src/domain/parse.js';
import { CostExplorerError, DeliveryError } from '../../src/errors.js';

const awsError = (name: string, status = 400) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } });

describe('CostExplorerReader', () => {
  const ce = mockClient(CostExplorerClient);
  const reader = new CostExplorerReader(new CostExplorerClient({ region: 'us-east-1' }));
  beforeEach(() => ce.reset());

  describe('dailyCostsByService()', () => {
    it('asks for daily unblended cost by SERVICE without credits and refunds and passes the page token on', async () => {
      // Prepare
      ce.on(GetCostAndUsageCommand).resolves({
        ResultsByTime: [
          {
            TimePeriod: { Start: '2026-11-20', End: '2026-11-21' },
            Groups: [
              { Keys: ['AWS Lambda'], Metrics: { UnblendedCost: { Amount: '0.0812345', Unit: 'USD' } } },
            ],
            Total: {},
            Estimated: true,
          },
        ],
        NextPageToken: 'page-3',
      });

      // Act
      const answer = await reader.dailyCostsByService({ start: '2026-11-20', end: '2026-11-22' }, 'page-2');

      // Assess
      expect(ce.commandCalls(GetCostAndUsageCommand)[0]!.args[0].input).toEqual({
        TimePeriod: { Start: '2026-11-20', End: '2026-11-22' },
        Granularity: 'DAILY',
        Metrics: ['UnblendedCost'],
        GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
        Filter: EXCLUDE_CREDITS_AND_REFUNDS,
        NextPageToken: 'page-2',
      });
      expect(answer).toEqual({
        page: {
          resultsByTime: [
            {
              start: '2026-11-20',
              estimated: true,
              groups: [{ service: 'AWS Lambda', amount: 0.0812345, unit: 'USD' }],
            },
          ],
        },
        nextPageToken: 'page-3',
      });
    });

    it('throws a retryable CostExplorerError when Cost Explorer throttles', async () => {
      // Prepare
      ce.on(GetCostAndUsageCommand).rejects(awsError('LimitExceededException'));

      // Act
      const call = reader.dailyCostsByService({ start: '2026-11-20', end: '2026-11-22' });

      // Assess
      await expect(call).rejects.toMatchObject({
        name: 'CostExplorerError',
        code: 'LimitExceededException',
        retryable: true,
      });
      await expect(call).rejects.toBeInstanceOf(CostExplorerError);
    });
  });

  describe('dailyTotals()', () => {
    it('reads the Total of each day when it asks without grouping', async () => {
      // Prepare
      ce.on(GetCostAndUsageCommand).resolves({
        ResultsByTime: [
          {
            TimePeriod: { Start: '2026-11-20', End: '2026-11-21' },
            Total: { UnblendedCost: { Amount: '12.5', Unit: 'USD' } },
            Groups: [],
          },
        ],
      });

      // Act
      const { page } = await reader.dailyTotals({ start: '2026-11-20', end: '2026-11-21' });

      // Assess
      expect(ce.commandCalls(GetCostAndUsageCommand)[0]!.args[0].input.GroupBy).toBeUndefined();
      expect(page.resultsByTime[0]?.total).toEqual({ amount: 12.5, unit: 'USD' });
    });
  });

  describe('forecast()', () => {
    it('returns undefined when the account has too little history to forecast', async () => {
      // Prepare
      ce.on(GetCostForecastCommand).rejects(awsError('DataUnavailableException'));

      // Act & Assess
      await expect(reader.forecast({ start: '2026-11-22', end: '2026-12-01' })).resolves.toBeUndefined();
    });

    it('reads the forecast total of unblended cost without credits and refunds', async () => {
      // Prepare
      ce.on(GetCostForecastCommand).resolves({ Total: { Amount: '131.9', Unit: 'USD' } });

      // Act
      const forecast = await reader.forecast({ start: '2026-11-22', end: '2026-12-01' });

      // Assess
      expect(forecast).toEqual({ amount: 131.9, unit: 'USD' });
      expect(ce.commandCalls(GetCostForecastCommand)[0]!.args[0].input).toMatchObject({
        Metric: 'UNBLENDED_COST',
        Filter: EXCLUDE_CREDITS_AND_REFUNDS,
      });
    });
  });
});

describe('ChatbotChannelNotifier', () => {
  const sns = mockClient(SNSClient);
  const topics = {
    critical: 'arn:aws:sns:eu-west-1:123456789012:slackops-critical',
    heartbeat: 'arn:aws:sns:eu-west-1:123456789012:slackops-heartbeat',
  };
  const notifier = new ChatbotChannelNotifier(new SNSClient({}), topics);
  const alert = parseNotification('not a known format');
  beforeEach(() => sns.reset());

  describe('deliver()', () => {
    it('publishes the custom notification to the channel’s topic marked as its own', async () => {
      // Prepare
      sns.on(PublishCommand).resolves({ MessageId: 'm-1' });

      // Act
      await notifier.deliver('critical', { slack: renderAlert(alert), chatbot: chatbotAlert(alert) });

      // Assess
      const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
      expect(input.TopicArn).toBe(topics.critical);
      expect(JSON.parse(input.Message!)).toMatchObject({ version: '1.0', source: 'custom' });
      expect(input.MessageAttributes).toEqual({
        slackops_origin: { DataType: 'String', StringValue: 'cost-alerts' },
      });
    });

    it('refuses, not retryable, a notification Chatbot would drop', async () => {
      // Prepare
      const broken = { ...chatbotAlert(alert), content: { description: '' } };

      // Act
      const call = notifier.deliver('heartbeat', { slack: renderAlert(alert), chatbot: broken });

      // Assess
      await expect(call).rejects.toMatchObject({ code: 'chatbot_schema', retryable: false });
      expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
    });

    it('throws a retryable DeliveryError when SNS throttles', async () => {
      // Prepare
      sns.on(PublishCommand).rejects(awsError('ThrottledException'));

      // Act
      const call = notifier.deliver('heartbeat', { slack: renderAlert(alert), chatbot: chatbotAlert(alert) });

      // Assess
      await expect(call).rejects.toBeInstanceOf(DeliveryError);
      await expect(call).rejects.toMatchObject({ retryable: true });
    });
  });
});
