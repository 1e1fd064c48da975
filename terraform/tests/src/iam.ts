// What each Lambda function of the suite may do, read from the Terraform: every call of
// modules/lambda-function reached from the root module, its function name, and the actions of the
// aws_iam_policy_document passed as its policy_json. The lead's test compares these with the AWS calls
// recorded from sandbox runs, through SDK_OPERATION_TO_IAM_ACTION.
import { join, resolve } from 'node:path';
import {
  type Block,
  loadModule,
  moduleLabel,
  moduleSourceDir,
  type PolicyStatement,
  policyDocumentReference,
  policyDocuments,
  TERRAFORM_ROOT,
  type TfModule,
  variableReference,
} from './hcl.js';

/** Where an expression is evaluated: a module instance and the arguments its caller passed. */
export interface Scope {
  module: TfModule;
  args: Block;
  parent?: Scope;
}

export interface LambdaFunctionDefinition {
  /** Function name without the suite prefix, e.g. "ecs-chatops-worker". */
  name: string;
  /** Where it is declared, e.g. "modules/ecs-chatops: module.worker". */
  where: string;
  /** The module call's arguments (function_name, environment_variables, …) as written. */
  call: Block;
  /** Statements of its policy_json (static and dynamic), empty when it has none. */
  statements: PolicyStatement[];
}

/**
 * Actions a function's role must allow although its code never calls them itself: AWS calls them on
 * the function's behalf. They are left out of iamActionsByFunction.
 */
export const INDIRECT_IAM_ACTIONS: Readonly<Record<string, string>> = {
  'kms:Decrypt':
    'SSM decrypts SecureString parameters with the caller’s permissions (only granted for a customer-managed key)',
};

/**
 * `<SDK v3 serviceId>:<Operation>` → the IAM action it needs. Keys use the serviceId of the client's
 * metadata (what aws-sdk-client-mock and middleware see), operations as named by the command classes
 * without the `Command` suffix.
 */
export const SDK_OPERATION_TO_IAM_ACTION: Readonly<Record<string, string>> = {
  // ECS (ecs-chatops)
  'ECS:DescribeServices': 'ecs:DescribeServices',
  'ECS:UpdateService': 'ecs:UpdateService',
  'ECS:ListServiceDeployments': 'ecs:ListServiceDeployments',
  'ECS:DescribeServiceDeployments': 'ecs:DescribeServiceDeployments',
  'ECS:StopServiceDeployment': 'ecs:StopServiceDeployment',
  'ECS:ListTasks': 'ecs:ListTasks',
  'ECS:DescribeTasks': 'ecs:DescribeTasks',
  'ECS:DescribeTaskDefinition': 'ecs:DescribeTaskDefinition',
  // CloudWatch metrics
  'CloudWatch:GetMetricData': 'cloudwatch:GetMetricData',
  'CloudWatch:GetMetricStatistics': 'cloudwatch:GetMetricStatistics',
  'CloudWatch:PutMetricData': 'cloudwatch:PutMetricData',
  // CloudWatch Logs
  'CloudWatch Logs:GetLogEvents': 'logs:GetLogEvents',
  'CloudWatch Logs:FilterLogEvents': 'logs:FilterLogEvents',
  'CloudWatch Logs:DescribeLogStreams': 'logs:DescribeLogStreams',
  // DynamoDB
  'DynamoDB:GetItem': 'dynamodb:GetItem',
  'DynamoDB:PutItem': 'dynamodb:PutItem',
  'DynamoDB:UpdateItem': 'dynamodb:UpdateItem',
  'DynamoDB:DeleteItem': 'dynamodb:DeleteItem',
  'DynamoDB:Query': 'dynamodb:Query',
  'DynamoDB:BatchGetItem': 'dynamodb:BatchGetItem',
  'DynamoDB:BatchWriteItem': 'dynamodb:BatchWriteItem',
  // SNS
  'SNS:Publish': 'sns:Publish',
  // SSM Parameter Store
  'SSM:GetParameter': 'ssm:GetParameter',
  'SSM:GetParameters': 'ssm:GetParameters',
  // Lambda
  'Lambda:Invoke': 'lambda:InvokeFunction',
  // SQS (ci-events)
  'SQS:SendMessage': 'sqs:SendMessage',
  'SQS:SendMessageBatch': 'sqs:SendMessage',
  'SQS:ReceiveMessage': 'sqs:ReceiveMessage',
  'SQS:DeleteMessage': 'sqs:DeleteMessage',
  'SQS:DeleteMessageBatch': 'sqs:DeleteMessage',
  'SQS:ChangeMessageVisibility': 'sqs:ChangeMessageVisibility',
  'SQS:GetQueueAttributes': 'sqs:GetQueueAttributes',
  'SQS:GetQueueUrl': 'sqs:GetQueueUrl',
  // Cost Explorer and Budgets (cost-alerts)
  'Cost Explorer:GetCostAndUsage': 'ce:GetCostAndUsage',
  'Cost Explorer:GetCostForecast': 'ce:GetCostForecast',
  'Cost Explorer:GetDimensionValues': 'ce:GetDimensionValues',
  'Budgets:DescribeBudgets': 'budgets:ViewBudget',
  'Budgets:DescribeBudget': 'budgets:ViewBudget',
};

/** The IAM action of one recorded SDK call; throws for an operation the table does not know yet. */
export function iamActionFor(serviceId: string, operation: string): string {
  const action = SDK_OPERATION_TO_IAM_ACTION[`${serviceId}:${operation.replace(/Command$/, '')}`];
  if (!action) {
    throw new Error(
      `no IAM action known for the SDK call ${serviceId}:${operation}: add it to SDK_OPERATION_TO_IAM_ACTION in terraform/tests/src/iam.ts`,
    );
  }
  return action;
}

const LAMBDA_FUNCTION_MODULE = (root: string) => resolve(root, 'modules', 'lambda-function');

/** Every call of modules/lambda-function reachable from the root module, with its policy statements. */
export async function lambdaFunctions(rootDir: string = TERRAFORM_ROOT): Promise<LambdaFunctionDefinition[]> {
  const root = resolve(rootDir);
  const found: LambdaFunctionDefinition[] = [];
  const visit = async (scope: Scope, depth: number): Promise<void> => {
    if (depth > 5) throw new Error(`module nesting deeper than 5 under ${moduleLabel(scope.module, root)}`);
    for (const [callName, call] of Object.entries(scope.module.module)) {
      const dir = moduleSourceDir(scope.module, call);
      if (!dir) continue;
      const child: Scope = { module: await loadModule(dir), args: call, parent: scope };
      if (dir === LAMBDA_FUNCTION_MODULE(root)) {
        found.push({
          name: functionName(call, scope, `${moduleLabel(scope.module, root)}: module.${callName}`),
          where: `${moduleLabel(scope.module, root)}: module.${callName}`,
          call,
          statements: call.attach_policy_json === false ? [] : policyOf(call.policy_json, scope),
        });
      } else {
        await visit(child, depth + 1);
      }
    }
  };
  await visit({ module: await loadModule(root), args: {} }, 0);
  return found;
}

/**
 * The actions each function's policy allows beyond writing its own logs (which modules/lambda-function
 * grants itself), keyed by function name without the prefix. Allow statements only, dynamic ones
 * included; INDIRECT_IAM_ACTIONS left out.
 */
export async function iamActionsByFunction(
  rootDir: string = TERRAFORM_ROOT,
): Promise<Record<string, Set<string>>> {
  const result: Record<string, Set<string>> = {};
  for (const fn of await lambdaFunctions(rootDir)) {
    const actions = result[fn.name] ?? new Set<string>();
    result[fn.name] = actions;
    for (const statement of fn.statements) {
      if (statement.effect !== 'Allow') continue;
      if (typeof statement.actions === 'string') {
        throw new Error(`${statement.where}: actions must be a literal list, not ${statement.actions}`);
      }
      for (const action of statement.actions) if (!(action in INDIRECT_IAM_ACTIONS)) actions.add(action);
    }
  }
  return result;
}

/** Replaces `${var.X}` and `${local.X}` by their string values where they are known, up the callers. */
export function resolveString(expression: string, scope: Scope): string {
  let current = expression;
  for (let round = 0; round < 10; round++) {
    const next = current
      .replace(/\$\{var\.([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
        const value = scope.args[name];
        return typeof value === 'string' && scope.parent ? resolveString(value, scope.parent) : whole;
      })
      .replace(/\$\{local\.([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
        const value = scope.module.locals[name];
        return typeof value === 'string' ? value : whole;
      });
    if (next === current) return current;
    current = next;
  }
  return current;
}

function functionName(call: Block, scope: Scope, where: string): string {
  if (typeof call.function_name !== 'string') throw new Error(`${where}: function_name is not a string`);
  const resolved = resolveString(call.function_name, scope);
  const name = resolved.replace(/^\$\{var\.name_prefix\}-/, '');
  if (name.includes('${')) {
    throw new Error(
      `${where}: cannot read the function name from ${call.function_name} (write it as "\${var.name_prefix}-<name>")`,
    );
  }
  return name;
}

/** Follows policy_json through variables up to the aws_iam_policy_document it names. */
function policyOf(expression: unknown, scope: Scope): PolicyStatement[] {
  if (expression === undefined || expression === null) return [];
  const document = policyDocumentReference(expression);
  if (document) return documentStatements(document, scope.module);
  const variable = variableReference(expression);
  if (variable && scope.parent) return policyOf(scope.args[variable], scope.parent);
  throw new Error(
    `${moduleLabel(scope.module)}: policy_json must be data.aws_iam_policy_document.<name>.json (or a variable holding it), got ${String(expression)}`,
  );
}

function documentStatements(
  name: string,
  module: TfModule,
  seen: Set<string> = new Set(),
): PolicyStatement[] {
  const key = join(module.dir, name);
  if (seen.has(key)) throw new Error(`${moduleLabel(module)}: policy document ${name} includes itself`);
  seen.add(key);
  const document = policyDocuments(module).find((d) => d.name === name);
  if (!document) throw new Error(`${moduleLabel(module)} has no data.aws_iam_policy_document.${name}`);
  const included = [document.body.source_policy_documents, document.body.override_policy_documents]
    .flatMap((list) => (Array.isArray(list) ? list : []))
    .map((expression) => {
      const ref = policyDocumentReference(expression);
      if (!ref)
        throw new Error(
          `${moduleLabel(module)}: ${name} includes ${String(expression)}, which is not a policy document of the module`,
        );
      return documentStatements(ref, module, seen);
    });
  return [...document.statements, ...included.flat()];
}
