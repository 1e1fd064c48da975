import { createLogger, redactSecrets } from '../../src/logger.js';

const redact = (value: unknown): unknown => JSON.parse(JSON.stringify(value, redactSecrets));

describe('logger', () => {
  describe('redactSecrets()', () => {
    it.each([
      ['a bot token', 'xoxb-1234-5678-AbCdEf'],
      ['a user token', 'xoxp-1234-5678-9012-abc'],
      ['an app-level token', 'xapp-1-A0123-456-abcdef'],
      ['a legacy workspace token', 'xoxa-2-abc'],
      ['a webhook URL', 'https://hooks.slack.com/services/T000/B000/XXXXXXXX'],
      ['a response_url', 'https://hooks.slack.com/commands/T1/397700885554/96rGlfmibIGl'],
    ])('hides %s anywhere inside a string', (_label, secret) => {
      // Act
      const result = redact({ message: `calling Slack with ${secret} now`, nested: [{ note: secret }] });

      // Assess
      expect(result).toEqual({
        message: 'calling Slack with [REDACTED] now',
        nested: [{ note: '[REDACTED]' }],
      });
    });

    it.each([
      'token',
      'botToken',
      'SLACK_SIGNING_SECRET',
      'x-slack-signature',
      'password',
      'Authorization',
      'awsCredentials',
      'webhookUrl',
    ])('hides the whole value when the key is "%s"', (key) => {
      // Act
      const result = redact({ [key]: 'plain-looking-value', keep: 'plain-looking-value' });

      // Assess
      expect(result).toEqual({ [key]: '[REDACTED]', keep: 'plain-looking-value' });
    });

    it('keeps ordinary keys, numbers, booleans and nulls', () => {
      // Prepare
      const record = { cluster: 'prod', desired: 3, ok: true, reason: null, service: 'api' };

      // Act
      const result = redact(record);

      // Assess
      expect(result).toEqual(record);
    });

    it('redacts token-rotation refresh tokens when a string holds an xoxe token', () => {
      // Prepare
      const text = 'refresh with xoxe.xoxp-1-Mi0yLTEyMzQ and xoxe-1-abcDEF123';

      // Act
      const redacted = redactSecrets('message', text);

      // Assess
      expect(redacted).toBe('refresh with [REDACTED] and [REDACTED]');
    });

    it('redacts every token when a string holds several', () => {
      // Act
      const result = redactSecrets('detail', 'a xoxb-1-2 b xoxp-3-4 c');

      // Assess
      expect(result).toBe('a [REDACTED] b [REDACTED] c');
    });
  });

  describe('createLogger()', () => {
    it('writes structured logs with secrets redacted', () => {
      // Prepare
      const lines: string[] = [];
      const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        lines.push(String(chunk));
        return true;
      });
      const info = jest.spyOn(console, 'info').mockImplementation((...args: unknown[]) => {
        lines.push(args.map(String).join(' '));
      });
      const logger = createLogger('kit-test');

      // Act
      try {
        logger.info('posting', {
          token: 'abc',
          url: 'https://hooks.slack.com/services/T/B/X',
          channel: 'C1',
        });
      } finally {
        write.mockRestore();
        info.mockRestore();
      }

      // Assess
      const output = lines.join('\n');
      expect(output).toContain('"service":"kit-test"');
      expect(output).toContain('"channel":"C1"');
      expect(output).toContain('"token":"[REDACTED]"');
      expect(output).not.toContain('hooks.slack.com');
    });
  });
});
