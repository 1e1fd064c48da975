// SSM Parameter Store: the Slack secrets, as Terraform's users create them (SecureString).
import type { SimulatorFactory } from '../world.js';
import { awsError } from '../world.js';

export const SANDBOX_PARAMETERS = {
  botToken: '/slackops/slack-bot-token',
  signingSecret: '/slackops/slack-signing-secret',
} as const;

export function ssmSimulator(parameters: Record<string, string>): SimulatorFactory {
  return () => ({
    serviceId: 'SSM',
    operations: {
      GetParameter: (input) => {
        const name = String(input.Name ?? '');
        const value = parameters[name];
        if (value === undefined) throw awsError('ParameterNotFound', `Parameter ${name} not found.`);
        if (input.WithDecryption !== true)
          throw awsError('ValidationException', 'SecureString read without WithDecryption');
        return { Parameter: { Name: name, Type: 'SecureString', Value: value, Version: 1 } };
      },
    },
  });
}
