import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { getSsmParameter, endpointFor, invokeAsync, putIfAbsent } from '../../src/aws/signed-fetch.js';
import { AwsRequestError } from '../../src/errors.js';
import { FAKE_CREDENTIALS, type LocalDynamo, REGION, startDynalite } from '../helpers/dynalite.js';
import { type LocalServer, startLocalServer } from '../helpers/local-server.js';

const credentialsEnv = {
  AWS_REGION: REGION,
  AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
};

async function awsError(run: () => Promise<unknown>): Promise<AwsRequestError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AwsRequestError) return error;
    throw error;
  }
  throw new Error('expected an AwsRequestError');
}

/** `AWS4-HMAC-SHA256 Credential=<key>/<yyyymmdd>/<region>/<service>/aws4_request, SignedHeaders=…, Signature=<64 hex>` */
function signatureScope(authorization: string | undefined): {
  key: string;
  region: string;
  service: string;
  signedHeaders: string[];
} {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=[0-9a-f]{64}$/.exec(
      authorization ?? '',
    );
  if (!match) throw new Error(`not a SigV4 Authorization header: ${authorization}`);
  return { key: match[1]!, region: match[2]!, service: match[3]!, signedHeaders: match[4]!.split(';') };
}

describe('signed-fetch', () => {
  describe('endpointFor()', () => {
    it('prefers AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then the public endpoint', () => {
      // Act
      const specific = endpointFor('lambda', 'eu-west-1', {
        AWS_ENDPOINT_URL_LAMBDA: 'http://127.0.0.1:1/',
        AWS_ENDPOINT_URL: 'http://127.0.0.1:2/',
      });
      const general = endpointFor('lambda', 'eu-west-1', { AWS_ENDPOINT_URL: 'http://127.0.0.1:2/' });
      const publicEndpoint = endpointFor('lambda', 'eu-west-1', {});

      // Assess
      expect(specific.host).toBe('127.0.0.1:1');
      expect(general.host).toBe('127.0.0.1:2');
      expect(publicEndpoint.href).toBe('https://lambda.eu-west-1.amazonaws.com/');
    });
  });

  describe('against a local HTTP server', () => {
    let server: LocalServer;
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      server = await startLocalServer();
      env = { ...credentialsEnv, AWS_ENDPOINT_URL_LAMBDA: server.url, AWS_ENDPOINT_URL_SSM: server.url };
    });

    afterAll(async () => {
      await server.close();
    });

    beforeEach(() => {
      server.requests.length = 0;
    });

    describe('invokeAsync()', () => {
      it('sends a signed Event invocation to the function’s path when Lambda accepts it', async () => {
        // Prepare
        server.respond({ status: 202, body: '' });
        const payload = { source: 'slack', kind: 'command', task: { restart: 'prod/api' } };

        // Act
        await invokeAsync('slackops-ecs-chatops-worker', payload, env);

        // Assess
        expect(server.requests).toHaveLength(1);
        const [request] = server.requests;
        expect(request?.method).toBe('POST');
        expect(request?.url).toBe('/2015-03-31/functions/slackops-ecs-chatops-worker/invocations');
        expect(request?.headers['x-amz-invocation-type']).toBe('Event');
        expect(request?.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
        expect(JSON.parse(request?.body ?? '')).toEqual(payload);
        const scope = signatureScope(request?.headers.authorization);
        expect(scope).toMatchObject({ key: 'AKIDEXAMPLE', region: REGION, service: 'lambda' });
        expect(scope.signedHeaders).toEqual(
          expect.arrayContaining(['host', 'x-amz-date', 'x-amz-invocation-type']),
        );
      });

      it('encodes a function ARN in the path and sends the session token when there is one', async () => {
        // Prepare
        server.respond({ status: 202 });
        const arn = 'arn:aws:lambda:eu-west-1:123456789012:function:worker';

        // Act
        await invokeAsync(arn, {}, { ...env, AWS_SESSION_TOKEN: 'session-token' });

        // Assess
        const [request] = server.requests;
        expect(request?.url).toBe(`/2015-03-31/functions/${encodeURIComponent(arn)}/invocations`);
        expect(request?.headers['x-amz-security-token']).toBe('session-token');
        expect(signatureScope(request?.headers.authorization).signedHeaders).toContain(
          'x-amz-security-token',
        );
      });

      it('signs for the region in AWS_DEFAULT_REGION when AWS_REGION is not set', async () => {
        // Prepare
        server.respond({ status: 202 });
        const { AWS_REGION: _region, ...rest } = env;

        // Act
        await invokeAsync('worker', {}, { ...rest, AWS_DEFAULT_REGION: 'ap-southeast-2' });

        // Assess
        expect(signatureScope(server.requests[0]?.headers.authorization).region).toBe('ap-southeast-2');
      });

      it.each([
        [404, 'ResourceNotFoundException', false],
        [429, 'TooManyRequestsException', true],
        [500, 'ServiceException', true],
      ])('throws an AwsRequestError when Lambda answers %i %s', async (status, type, retryable) => {
        // Prepare
        server.respond({
          status,
          headers: {
            'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazonaws.awslambda/`,
          },
          body: JSON.stringify({ Type: 'User', message: `${type} happened` }),
        });

        // Act
        const error = await awsError(() => invokeAsync('worker', {}, env));

        // Assess
        expect(error).toMatchObject({ code: type, status, retryable });
        expect(error.message).toBe(`Invoke worker failed (${status} ${type}): ${type} happened`);
      });

      it('throws an AwsRequestError when Lambda answers 200 instead of 202 (not an async invocation)', async () => {
        // Prepare
        server.respond({ status: 200, body: '{}' });

        // Act
        const error = await awsError(() => invokeAsync('worker', {}, env));

        // Assess
        expect(error).toMatchObject({ code: 'Http200', status: 200 });
      });

      it('throws MissingCredentials without sending anything when there are no credentials', async () => {
        // Act
        const error = await awsError(() =>
          invokeAsync('worker', {}, { AWS_ENDPOINT_URL_LAMBDA: server.url }),
        );

        // Assess
        expect(error.code).toBe('MissingCredentials');
        expect(server.requests).toHaveLength(0);
      });
    });

    describe('getSsmParameter()', () => {
      it('returns the decrypted value of a signed GetParameter call', async () => {
        // Prepare
        server.respond({
          status: 200,
          body: JSON.stringify({
            Parameter: { Name: '/slackops/signing-secret', Type: 'SecureString', Value: 's3cr3t' },
          }),
        });

        // Act
        const value = await getSsmParameter('/slackops/signing-secret', env);

        // Assess
        expect(value).toBe('s3cr3t');
        const [request] = server.requests;
        expect(request?.url).toBe('/');
        expect(request?.headers['x-amz-target']).toBe('AmazonSSM.GetParameter');
        expect(request?.headers['content-type']).toBe('application/x-amz-json-1.1');
        expect(JSON.parse(request?.body ?? '')).toEqual({
          Name: '/slackops/signing-secret',
          WithDecryption: true,
        });
        expect(signatureScope(request?.headers.authorization)).toMatchObject({
          service: 'ssm',
          region: REGION,
        });
      });

      it('throws an AwsRequestError with the AWS error type when the parameter does not exist', async () => {
        // Prepare
        server.respond({ status: 400, body: JSON.stringify({ __type: 'ParameterNotFound', message: '' }) });

        // Act
        const error = await awsError(() => getSsmParameter('/missing', env));

        // Assess
        expect(error).toMatchObject({ code: 'ParameterNotFound', status: 400, retryable: false });
      });

      it('throws ParameterEmpty when the parameter has no value', async () => {
        // Prepare
        server.respond({ status: 200, body: JSON.stringify({ Parameter: { Name: '/empty' } }) });

        // Act
        const error = await awsError(() => getSsmParameter('/empty', env));

        // Assess
        expect(error.code).toBe('ParameterEmpty');
      });

      it('keeps the start of a non-JSON error body in the message', async () => {
        // Prepare
        server.respond({ status: 503, body: '<html>Service Unavailable</html>' });

        // Act
        const error = await awsError(() => getSsmParameter('/p', env));

        // Assess
        expect(error).toMatchObject({ code: 'Http503', retryable: true });
        expect(error.message).toContain('<html>Service Unavailable</html>');
      });
    });
  });

  describe('putIfAbsent() against dynalite', () => {
    let dynamo: LocalDynamo;
    let env: NodeJS.ProcessEnv;
    const table = 'slackops-seen-events';

    beforeAll(async () => {
      dynamo = await startDynalite();
      await dynamo.createTable(table, { hash: 'pk' });
      env = { ...credentialsEnv, AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint };
    });

    afterAll(async () => {
      await dynamo.close();
    });

    it('returns true for the first call and false for the second with the same key', async () => {
      // Act
      const first = await putIfAbsent(table, 'Ev-first', 3600, env, 1_700_000_000);
      const second = await putIfAbsent(table, 'Ev-first', 3600, env, 1_700_000_010);

      // Assess
      expect([first, second]).toEqual([true, false]);
      const stored = await dynamo.client.send(
        new GetItemCommand({ TableName: table, Key: { pk: { S: 'Ev-first' } } }),
      );
      expect(stored.Item).toEqual({ pk: { S: 'Ev-first' }, expiresAt: { N: '1700003600' } });
    });

    it('returns true again once the stored item has expired', async () => {
      // Prepare
      await putIfAbsent(table, 'Ev-expiring', 60, env, 1_700_000_000);

      // Act
      const atExpiry = await putIfAbsent(table, 'Ev-expiring', 60, env, 1_700_000_060);
      const afterExpiry = await putIfAbsent(table, 'Ev-expiring', 60, env, 1_700_000_061);

      // Assess
      expect(atExpiry).toBe(false);
      expect(afterExpiry).toBe(true);
    });

    it('lets exactly one of 10 concurrent calls win', async () => {
      // Act
      const results = await Promise.all(
        Array.from({ length: 10 }, () => putIfAbsent(table, 'Ev-race', 3600, env)),
      );

      // Assess
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('treats different keys independently', async () => {
      // Act
      const results = await Promise.all(
        ['Ev-a', 'Ev-b', 'Ev-c'].map((key) => putIfAbsent(table, key, 3600, env)),
      );

      // Assess
      expect(results).toEqual([true, true, true]);
    });

    it('throws an AwsRequestError naming the DynamoDB error when the table does not exist', async () => {
      // Act
      const error = await awsError(() => putIfAbsent('no-such-table', 'Ev-x', 60, env));

      // Assess
      expect(error.code).toBe('ResourceNotFoundException');
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/^PutItem no-such-table failed \(400 ResourceNotFoundException\)/);
    });
  });
});
