import { createSandbox, type Sandbox } from '@slackops/local';

describe('slack-gateway', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await createSandbox({ world: {}, features: undefined });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  describe('handler()', () => {
    it('refuses a request whose signature does not match the body', async () => {
      // Prepare
      const body = 'command=%2Fecs-status&text=';
      const headers = sandbox.signedHeaders(body);

      // Act
      const response = await sandbox.gatewayRequest('/slack/commands', `${body}tampered`, headers);

      // Assess
      expect(response.statusCode).toBe(401);
      expect(JSON.parse(response.body)).toEqual({ error: 'invalid_signature' });
    });

    it('refuses a replayed request when its timestamp is more than 5 minutes old', async () => {
      // Prepare
      const body = 'command=%2Fecs-status&text=';
      const headers = sandbox.signedHeaders(body, Math.floor(Date.now() / 1000) - 301);

      // Act
      const response = await sandbox.gatewayRequest('/slack/commands', body, headers);

      // Assess
      expect(response.statusCode).toBe(401);
    });

    it('accepts a base64-encoded body when API Gateway sends one', async () => {
      // Prepare
      const body = 'ssl_check=1&token=x';
      const headers = sandbox.signedHeaders(body);

      // Act
      const response = await sandbox.gatewayRequest('/slack/commands', body, headers, true);

      // Assess
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe('');
    });

    it('answers url_verification with the challenge', async () => {
      // Act
      const response = await sandbox.sendEvent({ type: 'url_verification', challenge: 'c-123', token: 'x' });

      // Assess
      expect(response.statusCode).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ challenge: 'c-123' });
    });

    it('drops an event Slack retries when the first delivery was seen', async () => {
      // Prepare
      const event = {
        type: 'event_callback',
        event_id: `Ev${Date.now()}`,
        team_id: 'T0SANDBOX',
        event: { type: 'message', channel: 'C1', user: 'U1', text: 'hi', ts: '1.2' },
      };

      // Act
      const first = await sandbox.sendEvent(event);
      const retry = await sandbox.sendEvent(event, 1);

      // Assess
      expect(first.statusCode).toBe(200);
      expect(first.headers['x-slack-no-retry']).toBeUndefined();
      expect(retry.statusCode).toBe(200);
      expect(retry.headers['x-slack-no-retry']).toBe('1');
      const calls = sandbox.awsCalls('slack-gateway').map((c) => `${c.service}:${c.operation}`);
      expect(calls.filter((c) => c === 'DynamoDB:PutItem')).toHaveLength(2);
    });

    it('reads the signing secret from SSM once and keeps it for warm requests', async () => {
      // Act
      await sandbox.slash('/nope one');
      await sandbox.slash('/nope two');

      // Assess
      const reads = sandbox
        .awsCalls('slack-gateway')
        .filter((c) => c.service === 'SSM' && c.operation === 'GetParameter');
      expect(reads).toHaveLength(1);
    });

    it('answers 400 naming the problem when a signed body is malformed', async () => {
      // Prepare
      const body = 'command=not-a-command&text=';

      // Act
      const response = await sandbox.gatewayRequest('/slack/commands', body, sandbox.signedHeaders(body));

      // Assess
      expect(response.statusCode).toBe(400);
      expect(JSON.parse(response.body).message).toMatch(/slash command is not valid/);
    });

    it('tells the user which commands exist when the command is unknown', async () => {
      // Act
      const result = await sandbox.slash('/nope hello');

      // Assess
      expect(result.response.statusCode).toBe(200);
      expect(result.ack?.response_type).toBe('ephemeral');
      expect(String(result.ack?.text)).toContain('`/nope` is not a command');
    });
  });
});
