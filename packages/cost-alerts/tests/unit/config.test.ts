import { ConfigError, loadConfig } from '@slackops/kit';
import { dailyReportConfigSchema, notifierConfigSchema } from '../../src/config.js';

const valid = {
  DELIVERY_MODE: 'slack',
  CRITICAL_CHANNEL: 'C0CRITICAL1',
  HEARTBEAT_CHANNEL: 'C0HEARTBEAT',
  CRITICAL_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:slackops-critical',
  HEARTBEAT_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:slackops-heartbeat',
  SLACK_BOT_TOKEN_PARAM: '/slackops/slack-bot-token',
};

describe('notifierConfigSchema', () => {
  describe('loadConfig()', () => {
    it('reads the environment Terraform sets in slack mode', () => {
      // Act
      const config = loadConfig(notifierConfigSchema, valid);

      // Assess
      expect(config.DELIVERY_MODE).toBe('slack');
      expect(config.CRITICAL_CHANNEL).toBe('C0CRITICAL1');
    });

    it('names the missing channel when slack mode has none', () => {
      // Prepare
      const { HEARTBEAT_CHANNEL: _dropped, ...env } = valid;

      // Act & Assess
      expect(() => loadConfig(notifierConfigSchema, env)).toThrow(
        'HEARTBEAT_CHANNEL: is required when DELIVERY_MODE is slack',
      );
    });

    it('needs no channel in chatbot mode', () => {
      // Act & Assess
      expect(
        loadConfig(notifierConfigSchema, {
          DELIVERY_MODE: 'chatbot',
          CRITICAL_TOPIC_ARN: valid.CRITICAL_TOPIC_ARN,
          HEARTBEAT_TOPIC_ARN: valid.HEARTBEAT_TOPIC_ARN,
        }).DELIVERY_MODE,
      ).toBe('chatbot');
    });

    it('names the variable and the rule when a topic ARN or the mode is wrong', () => {
      // Act
      const load = () =>
        loadConfig(notifierConfigSchema, {
          ...valid,
          DELIVERY_MODE: 'email',
          CRITICAL_TOPIC_ARN: 'slackops-critical',
        });

      // Assess
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/DELIVERY_MODE: .*CRITICAL_TOPIC_ARN: must be an SNS topic ARN/);
    });
  });
});

describe('dailyReportConfigSchema', () => {
  describe('loadConfig()', () => {
    it('reads budgets as numbers and defaults the currency to USD', () => {
      // Act
      const config = loadConfig(dailyReportConfigSchema, {
        ...valid,
        DAILY_BUDGET: '25',
        MONTHLY_BUDGET: '600.50',
      });

      // Assess
      expect([config.DAILY_BUDGET, config.MONTHLY_BUDGET, config.CURRENCY]).toEqual([25, 600.5, 'USD']);
    });

    it('says what a budget must look like when it is not an amount', () => {
      // Act & Assess
      expect(() => loadConfig(dailyReportConfigSchema, { ...valid, DAILY_BUDGET: '$25' })).toThrow(
        'DAILY_BUDGET: must be a positive amount such as 25 or 12.50',
      );
    });
  });
});
