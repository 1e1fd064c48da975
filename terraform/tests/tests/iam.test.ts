import {
  loadAllModules,
  loadModule,
  moduleLabel,
  nested,
  type PolicyStatement,
  policyDocuments,
  resources,
  TERRAFORM_ROOT,
  type TfModule,
} from '../src/hcl.js';
import {
  INDIRECT_IAM_ACTIONS,
  iamActionFor,
  iamActionsByFunction,
  lambdaFunctions,
  SDK_OPERATION_TO_IAM_ACTION,
} from '../src/iam.js';

/**
 * The only actions allowed on Resource "*", each with the reason; `condition` names the condition key
 * that must then scope the statement instead.
 */
const WILDCARD_RESOURCE_EXCEPTIONS: Record<string, { reason: string; condition?: string }> = {
  'cloudwatch:GetMetricData': { reason: 'GetMetricData has no resource-level permissions' },
  'cloudwatch:PutMetricData': {
    reason: 'PutMetricData has no resource-level permissions (scope it with cloudwatch:namespace)',
  },
  'ecs:DescribeTaskDefinition': { reason: 'DescribeTaskDefinition has no resource-level permissions' },
  'ecs:ListTasks': { reason: 'scoped by cluster through a condition', condition: 'ecs:cluster' },
  'ecs:DescribeTasks': { reason: 'scoped by cluster through a condition', condition: 'ecs:cluster' },
  'ce:GetCostAndUsage': { reason: 'Cost Explorer queries have no resource-level permissions' },
  'ce:GetCostForecast': { reason: 'Cost Explorer queries have no resource-level permissions' },
  'ce:GetDimensionValues': { reason: 'Cost Explorer queries have no resource-level permissions' },
  'xray:PutTraceSegments': { reason: 'X-Ray has no resource-level permissions' },
  'xray:PutTelemetryRecords': { reason: 'X-Ray has no resource-level permissions' },
};

const isWildcard = (resourcesOf: PolicyStatement['resources']): boolean =>
  Array.isArray(resourcesOf) ? resourcesOf.some((r) => r.trim() === '*') : resourcesOf?.trim() === '*';

describe('IAM policy documents', () => {
  let modules: TfModule[];
  let statements: PolicyStatement[];

  beforeAll(async () => {
    modules = await loadAllModules();
    statements = modules.flatMap((m) => policyDocuments(m).flatMap((d) => d.statements));
  });

  describe('policyDocuments()', () => {
    it('finds the statements of every function when it reads every module', () => {
      // Act
      const sids = statements.map((s) => s.sid);

      // Assess
      expect(statements.length).toBeGreaterThan(15);
      expect(sids).toEqual(
        expect.arrayContaining(['InvokeWorkers', 'ReadAllowListedServices', 'WriteOwnLogs']),
      );
    });

    it('finds literal action lists with no wildcard in every statement', () => {
      // Act
      const problems = statements.flatMap((s) => {
        if (typeof s.actions === 'string') return [`${s.where}: actions is an expression (${s.actions})`];
        if (s.actions.length === 0) return [`${s.where}: no actions`];
        return s.actions
          .filter((a) => a.includes('*') || !/^[a-z0-9-]+:[A-Za-z0-9]+$/.test(a))
          .map((a) => `${s.where}: action "${a}"`);
      });

      // Assess
      expect(problems).toEqual([]);
    });

    it('finds no NotAction or NotResource statement', () => {
      // Act
      const negated = statements
        .filter((s) => s.notActions !== undefined || s.notResources !== undefined)
        .map((s) => s.where);

      // Assess
      expect(negated).toEqual([]);
    });

    it('finds Resource "*" only for actions that support no resource-level scoping', () => {
      // Act
      const problems = statements
        .filter((s) => isWildcard(s.resources) && Array.isArray(s.actions))
        .flatMap((s) =>
          (s.actions as string[]).flatMap((action) => {
            const exception = WILDCARD_RESOURCE_EXCEPTIONS[action];
            if (!exception) return [`${s.where}: ${action} on "*" (scope it to the resources it touches)`];
            if (!exception.condition) return [];
            const scoped = s.conditions.some(
              (c) => c.variable === exception.condition && ['ArnEquals', 'ArnLike'].includes(c.test),
            );
            return scoped
              ? []
              : [
                  `${s.where}: ${action} on "*" needs an ArnEquals/ArnLike condition on ${exception.condition}`,
                ];
          }),
        );

      // Assess
      expect(problems).toEqual([]);
    });

    it('finds a resources list on every Allow statement of a role policy', () => {
      // Act
      const missing = statements
        .filter((s) => s.effect === 'Allow' && !s.hasPrincipals && s.resources === undefined)
        .map((s) => s.where);

      // Assess
      expect(missing).toEqual([]);
    });
  });

  describe('modules/lambda-function', () => {
    it('lets a function write only to its own log group when it builds the basic policy', async () => {
      // Prepare
      const module = await loadModule(`${TERRAFORM_ROOT}/modules/lambda-function`);

      // Act
      const basic = policyDocuments(module).find((d) => d.name === 'basic');
      const logs = basic?.statements.find((s) => s.sid === 'WriteOwnLogs');

      // Assess
      expect(logs?.actions).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      expect(logs?.resources).toEqual(['${aws_cloudwatch_log_group.this.arn}:*']);
    });

    it('attaches no AWS managed policy when it builds any role', () => {
      // Act
      const attachments = modules.flatMap((m) =>
        resources(m, 'aws_iam_role_policy_attachment').map(
          (r) => `${moduleLabel(m)}: ${r.name} → ${String(r.body.policy_arn)}`,
        ),
      );

      // Assess
      expect(attachments.filter((a) => a.includes('arn:aws:iam::aws:policy'))).toEqual([]);
    });

    it('trusts only the Lambda service when it builds the role', async () => {
      // Prepare
      const module = await loadModule(`${TERRAFORM_ROOT}/modules/lambda-function`);

      // Act
      const trust = policyDocuments(module).find((d) => d.name === 'assume_role');
      const statement = nested(trust?.body ?? {}, 'statement');

      // Assess
      expect(trust?.statements.map((s) => s.actions)).toEqual([['sts:AssumeRole']]);
      expect(nested(statement, 'principals')).toEqual({
        type: 'Service',
        identifiers: ['lambda.amazonaws.com'],
      });
    });
  });

  describe('lambdaFunctions()', () => {
    it('finds every function of the suite with its name without the prefix', async () => {
      // Act
      const names = (await lambdaFunctions()).map((f) => f.name);

      // Assess
      expect(names).toEqual(
        expect.arrayContaining(['slack-gateway', 'ecs-chatops-worker', 'ecs-chatops-deployment-events']),
      );
      expect(new Set(names).size).toBe(names.length);
    });
  });

  describe('iamActionsByFunction()', () => {
    it('returns what each ECS function and the gateway may call when it reads the tree', async () => {
      // Act
      const actions = await iamActionsByFunction();

      // Assess
      expect([...(actions['slack-gateway'] ?? [])].sort()).toEqual([
        'dynamodb:PutItem',
        'lambda:InvokeFunction',
        'ssm:GetParameter',
      ]);
      expect([...(actions['ecs-chatops-worker'] ?? [])].sort()).toEqual([
        'cloudwatch:GetMetricData',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'ecs:DescribeServices',
        'ecs:DescribeTaskDefinition',
        'ecs:DescribeTasks',
        'ecs:ListServiceDeployments',
        'ecs:ListTasks',
        'ecs:StopServiceDeployment',
        'ecs:UpdateService',
        'logs:FilterLogEvents',
        'sns:Publish',
        'ssm:GetParameter',
      ]);
      expect([...(actions['ecs-chatops-deployment-events'] ?? [])].sort()).toEqual([
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'ssm:GetParameter',
      ]);
    });

    it('leaves out the actions AWS calls on the function’s behalf', async () => {
      // Act
      const all = Object.values(await iamActionsByFunction()).flatMap((set) => [...set]);

      // Assess
      expect(Object.keys(INDIRECT_IAM_ACTIONS)).toContain('kms:Decrypt');
      expect(all.filter((a) => a in INDIRECT_IAM_ACTIONS)).toEqual([]);
    });
  });

  describe('SDK_OPERATION_TO_IAM_ACTION', () => {
    it('maps SDK operations to IAM actions where the names differ', () => {
      // Act
      const mapped = {
        invoke: iamActionFor('Lambda', 'Invoke'),
        logs: iamActionFor('CloudWatch Logs', 'FilterLogEvents'),
        ce: iamActionFor('Cost Explorer', 'GetCostAndUsage'),
        command: iamActionFor('ECS', 'DescribeServicesCommand'),
        batch: iamActionFor('SQS', 'DeleteMessageBatch'),
      };

      // Assess
      expect(mapped).toEqual({
        invoke: 'lambda:InvokeFunction',
        logs: 'logs:FilterLogEvents',
        ce: 'ce:GetCostAndUsage',
        command: 'ecs:DescribeServices',
        batch: 'sqs:DeleteMessage',
      });
    });

    it('throws a message naming the table when an operation is unknown', () => {
      // Act
      const act = () => iamActionFor('EC2', 'TerminateInstances');

      // Assess
      expect(act).toThrow(/EC2:TerminateInstances.*SDK_OPERATION_TO_IAM_ACTION/);
    });

    it('covers every action the Terraform grants to a function', async () => {
      // Prepare
      const known = new Set(Object.values(SDK_OPERATION_TO_IAM_ACTION));

      // Act
      const granted = Object.values(await iamActionsByFunction()).flatMap((set) => [...set]);

      // Assess
      expect(granted.filter((a) => !known.has(a))).toEqual([]);
    });
  });
});
