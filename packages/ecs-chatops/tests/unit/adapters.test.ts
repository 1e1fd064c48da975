import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { EcsAdapter } from '../../src/adapters/ecs.js';
import { MetricsAdapter } from '../../src/adapters/metrics.js';
import { statusCard } from '../../src/domain/status-card.js';
import { EcsAwsError } from '../../src/errors.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));
const describeServices = fixture('describe-services.json');
const describeTasks = fixture('describe-tasks.json');
const revive = <T>(value: unknown): T =>
  JSON.parse(JSON.stringify(value), (k, v) =>
    /At$/.test(k) && typeof v === 'string' ? new Date(v) : v,
  ) as T;

describe('EcsAdapter', () => {
  const ecsMock = mockClient(ECSClient);
  const adapter = new EcsAdapter(() => new ECSClient({ region: 'eu-west-1' }));
  beforeEach(() => ecsMock.reset());
  afterAll(() => ecsMock.restore());

  describe('describeServices()', () => {
    it('maps deployments, events and the circuit breaker from a real DescribeServices answer', async () => {
      // Prepare
      ecsMock.on(DescribeServicesCommand).resolves(revive(describeServices));

      // Act
      const [view] = await adapter.describeServices('prod', ['api']);

      // Assess
      expect(view).toMatchObject({
        name: 'api',
        desired: 3,
        running: 2,
        pending: 1,
        circuitBreaker: { enable: true, rollback: true },
      });
      expect(view!.deployments.map((d) => [d.status, d.rolloutState, d.failedTasks])).toEqual([
        ['PRIMARY', 'IN_PROGRESS', 2],
        ['ACTIVE', 'COMPLETED', 0],
      ]);
    });

    it('asks 10 services at a time when a cluster lists more', async () => {
      // Prepare
      ecsMock.on(DescribeServicesCommand).resolves({ services: [], failures: [] });

      // Act
      await adapter.describeServices(
        'prod',
        Array.from({ length: 23 }, (_, i) => `s${i}`),
      );

      // Assess
      expect(
        ecsMock.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input.services?.length),
      ).toEqual([10, 10, 3]);
    });

    it('raises a not-found EcsAwsError when the one service asked for is missing', async () => {
      // Prepare
      ecsMock
        .on(DescribeServicesCommand)
        .resolves({ services: [], failures: [{ arn: 'x', reason: 'MISSING' }] });

      // Act
      const error = await adapter.describeServices('prod', ['gone']).catch((e: unknown) => e);

      // Assess
      expect(error).toBeInstanceOf(EcsAwsError);
      expect((error as EcsAwsError).reason).toBe('not-found');
    });

    it('classifies AccessDenied and throttling by error name', async () => {
      // Prepare
      ecsMock
        .on(DescribeServicesCommand)
        .rejectsOnce(Object.assign(new Error('no'), { name: 'AccessDeniedException' }))
        .rejectsOnce(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));

      // Act
      const denied = await adapter.describeServices('prod', ['api']).catch((e: EcsAwsError) => e.reason);
      const throttled = await adapter.describeServices('prod', ['api']).catch((e: EcsAwsError) => e.reason);

      // Assess
      expect([denied, throttled]).toEqual(['access-denied', 'throttled']);
    });
  });

  describe('tasksOf()', () => {
    it('lists running and stopped tasks and describes both in one call', async () => {
      // Prepare
      ecsMock.on(ListTasksCommand, { desiredStatus: 'RUNNING' }).resolves({ taskArns: ['a', 'b'] });
      ecsMock.on(ListTasksCommand, { desiredStatus: 'STOPPED' }).resolves({ taskArns: ['c'] });
      ecsMock.on(DescribeTasksCommand).resolves(revive(describeTasks));

      // Act
      const tasks = await adapter.tasksOf('prod', 'api');

      // Assess
      expect(ecsMock.commandCalls(DescribeTasksCommand)).toHaveLength(1);
      expect(tasks.running.map((t) => t.health)).toEqual(['HEALTHY', 'UNHEALTHY']);
      expect(tasks.stopped[0]).toMatchObject({
        stoppedReason: 'Task failed container health checks',
        containers: [{ exitCode: 137 }],
      });
    });
  });

  describe('rollback()', () => {
    it('stops the deployment in progress with ROLLBACK when there is one', async () => {
      // Prepare
      ecsMock.on(ListServiceDeploymentsCommand).resolves({
        serviceDeployments: [
          { serviceDeploymentArn: 'arn:aws:ecs:eu-west-1:1:service-deployment/prod/api/abc' },
        ],
      });
      ecsMock.on(StopServiceDeploymentCommand).resolves({});
      ecsMock.on(DescribeServicesCommand).resolves(revive(describeServices));

      // Act
      const result = await adapter.rollback('prod', 'api');

      // Assess
      expect(ecsMock.commandCalls(StopServiceDeploymentCommand)[0]!.args[0].input).toEqual({
        serviceDeploymentArn: 'arn:aws:ecs:eu-west-1:1:service-deployment/prod/api/abc',
        stopType: 'ROLLBACK',
      });
      expect(result.deploymentId).toBe('ecs-svc/5169280574093855189');
    });

    it('goes back to the previous task definition revision when nothing is in progress', async () => {
      // Prepare
      ecsMock.on(ListServiceDeploymentsCommand).resolves({ serviceDeployments: [] });
      ecsMock.on(DescribeServicesCommand).resolves(revive(describeServices));
      ecsMock
        .on(UpdateServiceCommand)
        .resolves({ service: { deployments: [{ id: 'ecs-svc/new', status: 'PRIMARY' }] } });

      // Act
      const result = await adapter.rollback('prod', 'api');

      // Assess
      expect(ecsMock.commandCalls(UpdateServiceCommand)[0]!.args[0].input).toEqual({
        cluster: 'prod',
        service: 'api',
        taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:42',
      });
      expect(result).toEqual({ deploymentId: 'ecs-svc/new', how: 'back to task definition `api:42`' });
    });
  });
});

describe('MetricsAdapter', () => {
  const cwMock = mockClient(CloudWatchClient);
  afterAll(() => cwMock.restore());

  describe('utilization()', () => {
    it('asks CPU and memory, average and maximum, in one GetMetricData call', async () => {
      // Prepare
      cwMock.on(GetMetricDataCommand).resolves({
        MetricDataResults: [
          { Id: 'cpuavg', Values: [40] },
          { Id: 'cpumax', Values: [90] },
          { Id: 'memavg', Values: [] },
          { Id: 'memmax', Values: [] },
        ],
      });
      const adapter = new MetricsAdapter(
        () => new CloudWatchClient({ region: 'eu-west-1' }),
        () => new Date('2026-11-22T10:00:00Z'),
      );

      // Act
      const utilization = await adapter.utilization('prod', 'api', 15);

      // Assess
      expect(cwMock.commandCalls(GetMetricDataCommand)).toHaveLength(1);
      expect(cwMock.commandCalls(GetMetricDataCommand)[0]!.args[0].input.MetricDataQueries).toHaveLength(4);
      expect(utilization).toEqual({ minutes: 15, cpu: { average: 40, maximum: 90 } });
    });
  });
});

describe('statusCard()', () => {
  it('shows the rollout, the unhealthy task, the stopped reason and the buttons from real shapes', async () => {
    // Prepare
    const ecsMock = mockClient(ECSClient);
    ecsMock.on(DescribeServicesCommand).resolves(revive(describeServices));
    ecsMock.on(ListTasksCommand).resolves({ taskArns: ['a'] });
    ecsMock.on(DescribeTasksCommand).resolves(revive(describeTasks));
    const adapter = new EcsAdapter(() => new ECSClient({ region: 'eu-west-1' }));
    const [view] = await adapter.describeServices('prod', ['api']);
    const tasks = await adapter.tasksOf('prod', 'api');
    ecsMock.restore();

    // Act
    const card = statusCard(
      view!,
      tasks,
      { minutes: 15, cpu: { average: 40, maximum: 90 } },
      new Date('2026-11-22T10:00:00Z'),
    );

    // Assess
    const text = JSON.stringify(card.blocks);
    expect(text).toContain('IN_PROGRESS');
    expect(text).toContain('2 failed task(s)');
    expect(text).toContain('UNHEALTHY');
    expect(text).toContain('Task failed container health checks');
    expect(text).toContain('40% avg · 90% max');
    expect(text).toContain('ecs:card-rollback');
    expect(card.blocks!.length).toBeLessThanOrEqual(50);
  });
});
