import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAllModules, moduleDirs, moduleLabel, resources, type TfModule, variables } from '../src/hcl.js';

/** Variables whose value is one of a fixed set, by name (anywhere) or by naming pattern. */
const ENUM_VARIABLE_NAMES = new Set(['runtime', 'architecture', 'tracing_mode', 'log_retention_days']);
const ENUM_NAME_PATTERN = /_(mode|level|unit|type|format|frequency)$/;
/** A description that lists choices: `"A" or "B"`, `"A", "B"`, or "one of". */
const CHOICES_IN_DESCRIPTION = /"[^"\s]+"\s*(,|or)\s*"[^"\s]+"|\bone of\b/i;

/** Resource types that accept tags: every one of them must set `tags`. */
const TAGGABLE = [
  'aws_lambda_function',
  'aws_iam_role',
  'aws_cloudwatch_log_group',
  'aws_cloudwatch_metric_alarm',
  'aws_cloudwatch_event_rule',
  'aws_dynamodb_table',
  'aws_sns_topic',
  'aws_sqs_queue',
  'aws_apigatewayv2_api',
  'aws_apigatewayv2_stage',
  'aws_budgets_budget',
  'aws_ce_anomaly_monitor',
  'aws_ce_anomaly_subscription',
  'aws_kms_key',
  'aws_scheduler_schedule_group',
  'aws_sfn_state_machine',
  'aws_chatbot_slack_channel_configuration',
];

describe('Terraform conventions', () => {
  let modules: TfModule[];

  beforeAll(async () => {
    modules = await loadAllModules();
  });

  describe('moduleDirs()', () => {
    it('finds the root and the shared modules when it reads terraform/', async () => {
      // Act
      const labels = modules.map((m) => moduleLabel(m));

      // Assess
      expect(labels[0]).toBe('root');
      expect(labels).toEqual(
        expect.arrayContaining(['modules/lambda-function', 'modules/slack-api', 'modules/ecs-chatops']),
      );
    });
  });

  describe('module layout', () => {
    it('has main.tf, variables.tf, outputs.tf and versions.tf in every module', async () => {
      // Prepare
      const required = ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf'];

      // Act
      const missing = (await moduleDirs()).flatMap((dir) =>
        required.filter((file) => !existsSync(join(dir, file))).map((file) => `${dir}/${file}`),
      );

      // Assess
      expect(missing).toEqual([]);
    });

    it('requires terraform >= 1.6 and pins the aws provider in every module', () => {
      // Act
      const problems = modules.flatMap((module) => {
        const settings = module.terraform.find((t) => t.required_version !== undefined);
        const providers = module.terraform.flatMap((t) =>
          Array.isArray(t.required_providers) ? t.required_providers : [],
        );
        const aws = providers
          .map((p) => (p as Record<string, { source?: string; version?: string }>).aws)
          .find(Boolean);
        const label = moduleLabel(module);
        return [
          ...(settings?.required_version === '>= 1.6' ? [] : [`${label}: required_version is not ">= 1.6"`]),
          ...(aws?.source === 'hashicorp/aws' && aws.version
            ? []
            : [`${label}: aws provider source/version not pinned`]),
        ];
      });

      // Assess
      expect(problems).toEqual([]);
    });

    it('has a README.md that lists every input and output in every shared module', async () => {
      // Act
      const problems = modules
        .filter((m) => moduleLabel(m) !== 'root')
        .flatMap((module) => {
          const readme = join(module.dir, 'README.md');
          if (!existsSync(readme)) return [`${moduleLabel(module)}: README.md is missing`];
          const text = readFileSync(readme, 'utf8');
          const names = [...Object.keys(module.variable), ...Object.keys(module.output)];
          return names
            .filter((name) => !text.includes(`\`${name}\``))
            .map((name) => `${moduleLabel(module)}: README.md does not list \`${name}\``);
        });

      // Assess
      expect(problems).toEqual([]);
    });
  });

  describe('variables()', () => {
    it('finds every variable typed and described in every module', () => {
      // Act
      const problems = modules.flatMap((module) =>
        variables(module).flatMap((v) => [
          ...(v.type ? [] : [`${moduleLabel(module)}: variable "${v.name}" has no type`]),
          ...(v.description && v.description.trim().length >= 10
            ? []
            : [`${moduleLabel(module)}: variable "${v.name}" has no description`]),
        ]),
      );

      // Assess
      expect(problems).toEqual([]);
    });

    it('finds a validation block on every enum-like variable', () => {
      // Act
      const enums = modules.flatMap((module) =>
        variables(module)
          .filter(
            (v) =>
              ENUM_VARIABLE_NAMES.has(v.name) ||
              (v.type === '${string}' && ENUM_NAME_PATTERN.test(v.name)) ||
              CHOICES_IN_DESCRIPTION.test(v.description ?? ''),
          )
          .map((v) => ({
            where: `${moduleLabel(module)}: variable "${v.name}"`,
            validated: v.validations.length > 0,
          })),
      );

      // Assess
      expect(enums.length).toBeGreaterThan(5);
      expect(enums.filter((e) => !e.validated).map((e) => e.where)).toEqual([]);
    });

    it('gives every validation a condition and an error message', () => {
      // Act
      const problems = modules.flatMap((module) =>
        variables(module).flatMap((v) =>
          v.validations
            .filter(
              (rule) =>
                typeof rule.condition !== 'string' || !rule.error_message || rule.error_message.length < 10,
            )
            .map(() => `${moduleLabel(module)}: variable "${v.name}" has an incomplete validation`),
        ),
      );

      // Assess
      expect(problems).toEqual([]);
    });
  });

  describe('outputs', () => {
    it('describes every output in every module', () => {
      // Act
      const undescribed = modules.flatMap((module) =>
        Object.entries(module.output)
          .filter(([, body]) => typeof body.description !== 'string' || body.description.length < 10)
          .map(([name]) => `${moduleLabel(module)}: output "${name}"`),
      );

      // Assess
      expect(undescribed).toEqual([]);
    });
  });

  describe('resources()', () => {
    it('finds tags on every taggable resource', () => {
      // Act
      const untagged = modules.flatMap((module) =>
        resources(module)
          .filter((r) => TAGGABLE.includes(r.type) && r.body.tags === undefined)
          .map((r) => `${moduleLabel(module)}: ${r.type}.${r.name}`),
      );

      // Assess
      expect(untagged).toEqual([]);
    });

    it('finds a retention period on every log group', () => {
      // Act
      const groups = modules.flatMap((module) =>
        resources(module, 'aws_cloudwatch_log_group').map((r) => ({
          where: `${moduleLabel(module)}: ${r.type}.${r.name}`,
          retention: r.body.retention_in_days,
        })),
      );

      // Assess
      expect(groups.length).toBeGreaterThanOrEqual(2);
      expect(
        groups.filter((g) => g.retention === undefined || g.retention === 0).map((g) => g.where),
      ).toEqual([]);
    });
  });
});
