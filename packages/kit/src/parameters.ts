// Workers read secrets through Powertools Parameters (its own cache, SDK retries).
import { getParameter } from '@aws-lambda-powertools/parameters/ssm';
import { ConfigError } from './errors.js';
import { resolveSecret, type SecretName } from './secrets.js';

export async function getSecret(name: SecretName, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return resolveSecret(
    name,
    async (parameterName) => {
      const value = await getParameter(parameterName, { decrypt: true, maxAge: 300 });
      if (!value) throw new ConfigError(`SSM parameter ${parameterName} (for ${name}) is empty`);
      return value;
    },
    env,
  );
}
