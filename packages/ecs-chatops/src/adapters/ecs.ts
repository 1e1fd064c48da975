import {
  type Deployment,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  type ECSClient,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  StopServiceDeploymentCommand,
  type Task,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { EcsAwsError } from '../errors.js';
import type { DeploymentView, EcsPort, ServiceView, TaskView } from '../ports.js';
import { guard } from './aws-errors.js';

function deploymentView(d: Deployment): DeploymentView {
  const view: DeploymentView = {
    id: d.id ?? '?',
    status: d.status ?? '?',
    taskDefinition: d.taskDefinition ?? '?',
    desired: d.desiredCount ?? 0,
    running: d.runningCount ?? 0,
    pending: d.pendingCount ?? 0,
    failedTasks: d.failedTasks ?? 0,
  };
  if (d.rolloutState) view.rolloutState = d.rolloutState;
  if (d.rolloutStateReason) view.rolloutStateReason = d.rolloutStateReason;
  if (d.createdAt) view.createdAt = new Date(d.createdAt);
  if (d.updatedAt) view.updatedAt = new Date(d.updatedAt);
  return view;
}

function taskView(t: Task): TaskView {
  const view: TaskView = {
    id: t.taskArn?.split('/').pop() ?? '?',
    lastStatus: t.lastStatus ?? '?',
    health: t.healthStatus ?? 'UNKNOWN',
    containers: (t.containers ?? []).map((c) => {
      const container: TaskView['containers'][number] = { name: c.name ?? '?' };
      if (c.healthStatus) container.health = c.healthStatus;
      if (c.exitCode !== undefined) container.exitCode = c.exitCode;
      if (c.reason) container.reason = c.reason;
      return container;
    }),
  };
  if (t.stoppedReason) view.stoppedReason = t.stoppedReason;
  if (t.stoppedAt) view.stoppedAt = new Date(t.stoppedAt);
  return view;
}

const primaryDeploymentId = (deployments: Deployment[] | undefined): string =>
  deployments?.find((d) => d.status === 'PRIMARY')?.id ?? deployments?.[0]?.id ?? 'unknown';

export class EcsAdapter implements EcsPort {
  constructor(private readonly ecs: (cluster: string) => ECSClient) {}

  async describeServices(cluster: string, services: string[]): Promise<ServiceView[]> {
    const views: ServiceView[] = [];
    // DescribeServices takes at most 10 services per call.
    for (let i = 0; i < services.length; i += 10) {
      const out = await guard(`DescribeServices ${cluster}`, () =>
        this.ecs(cluster).send(new DescribeServicesCommand({ cluster, services: services.slice(i, i + 10) })),
      );
      const missing = out.failures?.find((f) => f.reason === 'MISSING');
      if (missing && services.length === 1)
        throw new EcsAwsError('not-found', `service ${services[0]} does not exist in cluster ${cluster}`);
      for (const s of out.services ?? []) {
        const view: ServiceView = {
          cluster,
          name: s.serviceName ?? '?',
          arn: s.serviceArn ?? '',
          status: s.status ?? '?',
          desired: s.desiredCount ?? 0,
          running: s.runningCount ?? 0,
          pending: s.pendingCount ?? 0,
          taskDefinition: s.taskDefinition ?? '?',
          deployments: (s.deployments ?? []).map(deploymentView),
          events: (s.events ?? []).map((e) => ({
            message: e.message ?? '',
            ...(e.createdAt ? { at: new Date(e.createdAt) } : {}),
          })),
        };
        const breaker = s.deploymentConfiguration?.deploymentCircuitBreaker;
        if (breaker)
          view.circuitBreaker = { enable: breaker.enable ?? false, rollback: breaker.rollback ?? false };
        views.push(view);
      }
    }
    return views;
  }

  async tasksOf(cluster: string, service: string): Promise<{ running: TaskView[]; stopped: TaskView[] }> {
    const client = this.ecs(cluster);
    const [running, stopped] = await Promise.all(
      (['RUNNING', 'STOPPED'] as const).map((desiredStatus) =>
        guard(`ListTasks ${cluster}/${service}`, () =>
          client.send(new ListTasksCommand({ cluster, serviceName: service, desiredStatus, maxResults: 50 })),
        ),
      ),
    );
    const arns = [...(running?.taskArns ?? []), ...(stopped?.taskArns ?? []).slice(0, 10)];
    if (arns.length === 0) return { running: [], stopped: [] };
    // One DescribeTasks for both sets (it takes up to 100 tasks).
    const described = await guard(`DescribeTasks ${cluster}`, () =>
      client.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(0, 100) })),
    );
    const tasks = (described.tasks ?? []).map((t) => ({ t, view: taskView(t) }));
    return {
      running: tasks.filter(({ t }) => t.desiredStatus !== 'STOPPED').map(({ view }) => view),
      stopped: tasks
        .filter(({ t }) => t.desiredStatus === 'STOPPED')
        .map(({ view }) => view)
        .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0)),
    };
  }

  async restart(cluster: string, service: string): Promise<string> {
    const out = await guard(`UpdateService ${cluster}/${service}`, () =>
      this.ecs(cluster).send(new UpdateServiceCommand({ cluster, service, forceNewDeployment: true })),
    );
    return primaryDeploymentId(out.service?.deployments);
  }

  async scale(cluster: string, service: string, count: number): Promise<string> {
    const out = await guard(`UpdateService ${cluster}/${service}`, () =>
      this.ecs(cluster).send(new UpdateServiceCommand({ cluster, service, desiredCount: count })),
    );
    return primaryDeploymentId(out.service?.deployments);
  }

  /**
   * A deployment still in progress is stopped with ROLLBACK (ECS returns to the last completed one,
   * even without a circuit breaker). Otherwise the service goes back to the previous task definition revision.
   */
  async rollback(cluster: string, service: string): Promise<{ deploymentId: string; how: string }> {
    const client = this.ecs(cluster);
    const listed = await guard(`ListServiceDeployments ${cluster}/${service}`, () =>
      client.send(
        new ListServiceDeploymentsCommand({ cluster, service, status: ['IN_PROGRESS', 'PENDING'] }),
      ),
    );
    const ongoing = listed.serviceDeployments?.[0]?.serviceDeploymentArn;
    if (ongoing) {
      await guard(`StopServiceDeployment ${cluster}/${service}`, () =>
        client.send(
          new StopServiceDeploymentCommand({ serviceDeploymentArn: ongoing, stopType: 'ROLLBACK' }),
        ),
      );
      const [view] = await this.describeServices(cluster, [service]);
      const rollbackDeployment = view?.deployments.find((d) => d.status === 'PRIMARY')?.id ?? 'unknown';
      return { deploymentId: rollbackDeployment, how: 'stopped the deployment in progress with ROLLBACK' };
    }
    const [current] = await this.describeServices(cluster, [service]);
    const match = /^(.*):(\d+)$/.exec(current?.taskDefinition ?? '');
    if (!match || Number(match[2]) <= 1)
      throw new EcsAwsError(
        'not-found',
        `no previous task definition revision of ${current?.taskDefinition ?? service} to roll back to`,
      );
    const previous = `${match[1]}:${Number(match[2]) - 1}`;
    const out = await guard(`UpdateService ${cluster}/${service}`, () =>
      client.send(new UpdateServiceCommand({ cluster, service, taskDefinition: previous })),
    );
    return {
      deploymentId: primaryDeploymentId(out.service?.deployments),
      how: `back to task definition \`${previous.split('/').pop()}\``,
    };
  }

  async logTargets(
    taskDefinition: string,
  ): Promise<Array<{ container: string; group: string; streamPrefix?: string }>> {
    // Region of the task definition ARN: the cluster's own client is picked by the caller via arn.
    const region = taskDefinition.split(':')[3];
    const out = await guard(`DescribeTaskDefinition ${taskDefinition}`, () =>
      this.ecs(`region:${region ?? ''}`).send(new DescribeTaskDefinitionCommand({ taskDefinition })),
    );
    return (out.taskDefinition?.containerDefinitions ?? []).flatMap((c) => {
      const options = c.logConfiguration?.logDriver === 'awslogs' ? c.logConfiguration.options : undefined;
      const group = options?.['awslogs-group'];
      if (!group) return [];
      const target: { container: string; group: string; streamPrefix?: string } = {
        container: c.name ?? '?',
        group,
      };
      const prefix = options?.['awslogs-stream-prefix'];
      if (prefix) target.streamPrefix = `${prefix}/${c.name}`;
      return [target];
    });
  }
}
