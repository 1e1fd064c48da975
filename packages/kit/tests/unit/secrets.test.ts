import { ConfigError } from '../../src/errors.js';
import { cachedReader, resolveSecret } from '../../src/secrets.js';

describe('secrets', () => {
  describe('resolveSecret()', () => {
    it('returns the plain variable without reading SSM when it is set', async () => {
      // Prepare
      const read = jest.fn(async (_name: string) => 'from-ssm');

      // Act
      const value = await resolveSecret('SLACK_BOT_TOKEN', read, {
        SLACK_BOT_TOKEN: 'xoxb-local',
        SLACK_BOT_TOKEN_PARAM: '/slackops/bot-token',
      });

      // Assess
      expect(value).toBe('xoxb-local');
      expect(read).not.toHaveBeenCalled();
    });

    it('reads the SSM parameter named by <NAME>_PARAM when the plain variable is not set', async () => {
      // Prepare
      const read = jest.fn(async (name: string) => `value-of:${name}`);

      // Act
      const value = await resolveSecret('SLACK_SIGNING_SECRET', read, {
        SLACK_SIGNING_SECRET_PARAM: '/slackops/signing-secret',
      });

      // Assess
      expect(value).toBe('value-of:/slackops/signing-secret');
      expect(read).toHaveBeenCalledTimes(1);
      expect(read).toHaveBeenCalledWith('/slackops/signing-secret');
    });

    it('falls back to the parameter when the plain variable is empty', async () => {
      // Prepare
      const read = jest.fn(async (_name: string) => 'from-ssm');

      // Act
      const value = await resolveSecret('SLACK_WEBHOOK_URL', read, {
        SLACK_WEBHOOK_URL: '',
        SLACK_WEBHOOK_URL_PARAM: '/p',
      });

      // Assess
      expect(value).toBe('from-ssm');
    });

    it('throws a ConfigError naming the _PARAM variable when neither is set', async () => {
      // Prepare
      const read = jest.fn(async (_name: string) => 'unused');

      // Act
      const resolving = resolveSecret('SLACK_BOT_TOKEN', read, {});

      // Assess
      await expect(resolving).rejects.toThrow(ConfigError);
      await expect(resolving).rejects.toThrow(
        'SLACK_BOT_TOKEN_PARAM is not set (the SSM parameter that holds SLACK_BOT_TOKEN)',
      );
      expect(read).not.toHaveBeenCalled();
    });

    it('passes on the reader’s error when SSM fails', async () => {
      // Prepare
      const read = jest.fn(async (_name: string): Promise<string> => {
        throw new Error('ParameterNotFound');
      });

      // Act
      const resolving = resolveSecret('SLACK_BOT_TOKEN', read, { SLACK_BOT_TOKEN_PARAM: '/missing' });

      // Assess
      await expect(resolving).rejects.toThrow('ParameterNotFound');
    });
  });

  describe('cachedReader()', () => {
    it('reads each parameter once while the cached value is fresh', async () => {
      // Prepare
      let now = 1_000_000;
      let calls = 0;
      const read = jest.fn(async (name: string): Promise<string> => `${name}#${++calls}`);
      const reader = cachedReader(read, 300, () => now);

      // Act
      const first = await reader('/a');
      now += 299_999;
      const second = await reader('/a');
      const other = await reader('/b');

      // Assess
      expect(first).toBe('/a#1');
      expect(second).toBe('/a#1');
      expect(other).toBe('/b#2');
      expect(read).toHaveBeenCalledTimes(2);
    });

    it('reads again when the cached value is older than maxAgeSeconds', async () => {
      // Prepare
      let now = 0;
      let calls = 0;
      const read = jest.fn(async (_name: string): Promise<string> => `v${++calls}`);
      const reader = cachedReader(read, 60, () => now);

      // Act
      const first = await reader('/a');
      now = 60_000;
      const second = await reader('/a');

      // Assess
      expect([first, second]).toEqual(['v1', 'v2']);
    });

    it('shares one read between concurrent callers', async () => {
      // Prepare
      const read = jest.fn(async (_name: string) => 'value');
      const reader = cachedReader(read);

      // Act
      const values = await Promise.all([reader('/a'), reader('/a'), reader('/a')]);

      // Assess
      expect(values).toEqual(['value', 'value', 'value']);
      expect(read).toHaveBeenCalledTimes(1);
    });

    it('drops a failed read so the next call tries again', async () => {
      // Prepare
      const read = jest
        .fn<Promise<string>, [string]>()
        .mockRejectedValueOnce(new Error('ThrottlingException'))
        .mockResolvedValueOnce('value');
      const reader = cachedReader(read);

      // Act
      const failed = reader('/a');
      await expect(failed).rejects.toThrow('ThrottlingException');
      const retried = await reader('/a');

      // Assess
      expect(retried).toBe('value');
      expect(read).toHaveBeenCalledTimes(2);
    });
  });
});
