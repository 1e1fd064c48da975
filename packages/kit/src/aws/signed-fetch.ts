// A few AWS calls made without the SDK, signed with aws4 on node:crypto. Only the Slack gateway uses
// this: the SDK's Lambda client alone adds ~1 MB and ~165 ms to a cold start, which is the user's wait.
import aws4 from 'aws4';
import { AwsRequestError } from '../errors.js';

export interface SignedRequest {
  /** Signing name and endpoint prefix: `lambda`, `dynamodb`, `ssm`. */
  service: string;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

/** The SDK's own convention: AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then the public endpoint. */
export function endpointFor(service: string, region: string, env: NodeJS.ProcessEnv = process.env): URL {
  const specific = env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`];
  return new URL(specific ?? env.AWS_ENDPOINT_URL ?? `https://${service}.${region}.amazonaws.com`);
}

export async function signedFetch(
  request: SignedRequest,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Response> {
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const endpoint = endpointFor(request.service, region, env);
  const options: aws4.Request = {
    host: endpoint.host,
    path: request.path,
    method: request.method ?? 'POST',
    service: request.service,
    region,
    headers: { ...request.headers },
    body: request.body ?? '',
  };
  const credentials = {
    accessKeyId: env.AWS_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '',
    sessionToken: env.AWS_SESSION_TOKEN,
  };
  if (!credentials.accessKeyId || !credentials.secretAccessKey) {
    throw new AwsRequestError('MissingCredentials', 'AWS credentials are not in the environment', 0);
  }
  const signed = aws4.sign(options, credentials);
  const url = `${endpoint.protocol}//${endpoint.host}${request.path}`;
  return fetch(url, {
    method: options.method,
    headers: signed.headers as Record<string, string>,
    body: options.method === 'GET' ? undefined : (options.body as string),
    signal: AbortSignal.timeout(request.timeoutMs ?? 2000),
  });
}

async function failure(response: Response, what: string): Promise<AwsRequestError> {
  const text = await response.text().catch(() => '');
  let type = response.headers.get('x-amzn-errortype')?.split(':')[0];
  let message = '';
  try {
    const body = JSON.parse(text) as { __type?: string; message?: string; Message?: string };
    type ??= body.__type?.split('#').pop();
    message = body.message ?? body.Message ?? '';
  } catch {
    message = text.slice(0, 200);
  }
  return new AwsRequestError(
    type ?? `Http${response.status}`,
    `${what} failed (${response.status}${type ? ` ${type}` : ''}): ${message}`,
    response.status,
  );
}

/** Lambda Invoke with InvocationType Event: Lambda queues it and answers 202 at once. */
export async function invokeAsync(
  functionName: string,
  payload: unknown,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const response = await signedFetch(
    {
      service: 'lambda',
      path: `/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`,
      headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'Event' },
      body: JSON.stringify(payload),
    },
    env,
  );
  if (response.status !== 202) throw await failure(response, `Invoke ${functionName}`);
  await response.arrayBuffer();
}

async function dynamoCall(target: string, body: unknown, env: NodeJS.ProcessEnv): Promise<Response> {
  return signedFetch(
    {
      service: 'dynamodb',
      path: '/',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDB_20120810.${target}`,
      },
      body: JSON.stringify(body),
    },
    env,
  );
}

/**
 * Writes `{pk: key}` unless it exists (or has expired). Returns true when this call wrote it:
 * the one atomic step that makes "seen this event before?" safe under concurrent deliveries.
 */
export async function putIfAbsent(
  tableName: string,
  key: string,
  ttlSeconds: number,
  env: NodeJS.ProcessEnv = process.env,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): Promise<boolean> {
  const response = await dynamoCall(
    'PutItem',
    {
      TableName: tableName,
      Item: { pk: { S: key }, expiresAt: { N: String(nowSeconds + ttlSeconds) } },
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
      ExpressionAttributeValues: { ':now': { N: String(nowSeconds) } },
    },
    env,
  );
  if (response.ok) {
    await response.arrayBuffer();
    return true;
  }
  const error = await failure(response, `PutItem ${tableName}`);
  if (error.code === 'ConditionalCheckFailedException') return false;
  throw error;
}

/** SSM GetParameter with decryption, for the gateway's signing secret. */
export async function getSsmParameter(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const response = await signedFetch(
    {
      service: 'ssm',
      path: '/',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.GetParameter' },
      body: JSON.stringify({ Name: name, WithDecryption: true }),
    },
    env,
  );
  if (!response.ok) throw await failure(response, `GetParameter ${name}`);
  const body = (await response.json()) as { Parameter?: { Value?: string } };
  const value = body.Parameter?.Value;
  if (!value) throw new AwsRequestError('ParameterEmpty', `SSM parameter ${name} has no value`, 200);
  return value;
}
