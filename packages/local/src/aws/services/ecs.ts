// ECS in the sandbox: services, tasks and deployments from the world file's `ecs` section.
// Deployments progress through world steps (IN_PROGRESS → COMPLETED) and announce each state as ECS
// does, with an `ECS Deployment State Change` event on the default bus.
import type { SimulatorFactory, WorldContext } from '../world.js';
import { awsError } from '../world.js';

interface SimDeployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE';
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  failedTasks: number;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason?: string;
  createdMinutesAgo?: number;
  createdAt?: Date;
}
interface SimTask {
  id: string;
  desiredStatus: 'RUNNING' | 'STOPPED';
  lastStatus?: string;
  healthStatus?: string;
  stoppedReason?: string;
  stoppedMinutesAgo?: number;
  containers?: Array<{ name: string; healthStatus?: string; exitCode?: number; reason?: string }>;
}
interface SimService {
  desiredCount: number;
  runningCount: number;
  pendingCount?: number;
  taskDefinition: string;
  circuitBreaker?: { enable: boolean; rollback: boolean };
  deployments?: SimDeployment[];
  events?: Array<{ message: string; minutesAgo: number }>;
  tasks?: SimTask[];
  /** A deployment in the world that never finishes by itself (to show rollback). */
  stuck?: boolean;
}
interface EcsWorld {
  clusters: Record<string, { services: Record<string, SimService> }>;
}

let deploymentCounter = 1000;

export const ecsSimulator: SimulatorFactory = (world, context) => {
  const ecs = structuredClone((world.ecs ?? { clusters: {} }) as EcsWorld);
  const arn = (resource: string) => `arn:aws:ecs:${context.region}:${context.accountId}:${resource}`;
  const minutesAgo = (m: number | undefined) => new Date(context.now().getTime() - (m ?? 0) * 60_000);
  const nameOf = (value: unknown) =>
    String(value ?? '')
      .split('/')
      .pop() ?? '';

  const serviceOf = (cluster: unknown, service: unknown): [string, string, SimService] => {
    const c = nameOf(cluster);
    const s = nameOf(service);
    const found = ecs.clusters[c]?.services[s];
    if (!ecs.clusters[c]) throw awsError('ClusterNotFoundException', `Cluster not found: ${c}`);
    if (!found) throw awsError('ServiceNotFoundException', `Service not found: ${s}`);
    return [c, s, found];
  };

  const deploymentsOf = (svc: SimService): SimDeployment[] => {
    svc.deployments ??= [
      {
        id: `ecs-svc/${deploymentCounter++}`,
        status: 'PRIMARY',
        taskDefinition: svc.taskDefinition,
        desiredCount: svc.desiredCount,
        runningCount: svc.runningCount,
        pendingCount: 0,
        failedTasks: 0,
        rolloutState: 'COMPLETED',
        createdMinutesAgo: 2 * 24 * 60,
      },
    ];
    for (const d of svc.deployments) d.createdAt ??= minutesAgo(d.createdMinutesAgo);
    return svc.deployments;
  };

  const emit = (cluster: string, service: string, eventName: string, deploymentId: string, reason?: string) =>
    context.emitEvent({
      source: 'aws.ecs',
      'detail-type': 'ECS Deployment State Change',
      resources: [arn(`service/${cluster}/${service}`)],
      detail: {
        eventType: eventName.endsWith('FAILED') ? 'ERROR' : 'INFO',
        eventName,
        deploymentId,
        updatedAt: context.now().toISOString(),
        ...(reason ? { reason } : {}),
      },
    });

  /** Starts a deployment and queues its progress as world steps. */
  function deploy(
    cluster: string,
    service: string,
    svc: SimService,
    taskDefinition: string,
    reason: string,
    ctx: WorldContext,
  ): SimDeployment {
    const deployments = deploymentsOf(svc);
    for (const d of deployments) d.status = 'ACTIVE';
    const fresh: SimDeployment = {
      id: `ecs-svc/${deploymentCounter++}`,
      status: 'PRIMARY',
      taskDefinition,
      desiredCount: svc.desiredCount,
      runningCount: 0,
      pendingCount: svc.desiredCount,
      failedTasks: 0,
      rolloutState: 'IN_PROGRESS',
      createdAt: ctx.now(),
    };
    deployments.unshift(fresh);
    svc.taskDefinition = taskDefinition;
    svc.events = [
      { message: `(service ${service}) has started a deployment: ${reason}.`, minutesAgo: 0 },
      ...(svc.events ?? []),
    ];
    if (svc.stuck) return fresh;
    ctx.later(() => {
      fresh.runningCount = Math.ceil(fresh.desiredCount / 2);
      fresh.pendingCount = fresh.desiredCount - fresh.runningCount;
      emit(cluster, service, 'SERVICE_DEPLOYMENT_IN_PROGRESS', fresh.id);
    });
    ctx.later(() => {
      if (fresh.rolloutState !== 'IN_PROGRESS') return;
      fresh.rolloutState = 'COMPLETED';
      fresh.runningCount = fresh.desiredCount;
      fresh.pendingCount = 0;
      svc.runningCount = fresh.desiredCount;
      svc.deployments = deployments.filter((d) => d === fresh);
      svc.events = [
        { message: `(service ${service}) has reached a steady state.`, minutesAgo: 0 },
        ...(svc.events ?? []),
      ];
      emit(cluster, service, 'SERVICE_DEPLOYMENT_COMPLETED', fresh.id);
    });
    return fresh;
  }

  const serviceOutput = (cluster: string, service: string, svc: SimService) => ({
    serviceArn: arn(`service/${cluster}/${service}`),
    serviceName: service,
    clusterArn: arn(`cluster/${cluster}`),
    status: 'ACTIVE',
    desiredCount: svc.desiredCount,
    runningCount: svc.runningCount,
    pendingCount: svc.pendingCount ?? 0,
    taskDefinition: svc.taskDefinition,
    deploymentConfiguration: svc.circuitBreaker ? { deploymentCircuitBreaker: svc.circuitBreaker } : {},
    deployments: deploymentsOf(svc).map(({ createdMinutesAgo: _m, ...d }) => ({
      ...d,
      updatedAt: context.now(),
    })),
    events: (svc.events ?? [])
      .slice(0, 100)
      .map((e, i) => ({ id: `ev-${i}`, createdAt: minutesAgo(e.minutesAgo), message: e.message })),
  });

  const taskOutput = (cluster: string, service: string, t: SimTask) => ({
    taskArn: arn(`task/${cluster}/${t.id}`),
    clusterArn: arn(`cluster/${cluster}`),
    group: `service:${service}`,
    desiredStatus: t.desiredStatus,
    lastStatus: t.lastStatus ?? t.desiredStatus,
    healthStatus: t.healthStatus ?? 'HEALTHY',
    containers: t.containers ?? [{ name: service, healthStatus: t.healthStatus ?? 'HEALTHY' }],
    ...(t.stoppedReason
      ? { stoppedReason: t.stoppedReason, stoppedAt: minutesAgo(t.stoppedMinutesAgo) }
      : {}),
  });

  const allTasks = (cluster: string) =>
    Object.entries(ecs.clusters[cluster]?.services ?? {}).flatMap(([service, svc]) =>
      (svc.tasks ?? []).map((t) => ({ service, t })),
    );

  return {
    serviceId: 'ECS',
    operations: {
      DescribeServices: (input) => {
        const cluster = nameOf(input.cluster);
        if (!ecs.clusters[cluster])
          throw awsError('ClusterNotFoundException', `Cluster not found: ${cluster}`);
        const names = (input.services as string[] | undefined) ?? [];
        if (names.length > 10)
          throw awsError('InvalidParameterException', 'services can have at most 10 items');
        const services = [];
        const failures = [];
        for (const name of names) {
          const svc = ecs.clusters[cluster]!.services[nameOf(name)];
          if (svc) services.push(serviceOutput(cluster, nameOf(name), svc));
          else failures.push({ arn: arn(`service/${cluster}/${nameOf(name)}`), reason: 'MISSING' });
        }
        return { services, failures };
      },
      ListTasks: (input) => {
        const cluster = nameOf(input.cluster);
        const status = (input.desiredStatus as string | undefined) ?? 'RUNNING';
        const tasks = allTasks(cluster).filter(
          ({ service, t }) =>
            (!input.serviceName || service === input.serviceName) && t.desiredStatus === status,
        );
        return { taskArns: tasks.map(({ t }) => arn(`task/${cluster}/${t.id}`)) };
      },
      DescribeTasks: (input) => {
        const cluster = nameOf(input.cluster);
        const wanted = new Set(((input.tasks as string[] | undefined) ?? []).map(nameOf));
        if (wanted.size > 100)
          throw awsError('InvalidParameterException', 'tasks can have at most 100 items');
        return {
          tasks: allTasks(cluster)
            .filter(({ t }) => wanted.has(t.id))
            .map(({ service, t }) => taskOutput(cluster, service, t)),
          failures: [],
        };
      },
      UpdateService: (input) => {
        const [cluster, service, svc] = serviceOf(input.cluster, input.service);
        if (typeof input.desiredCount === 'number') svc.desiredCount = input.desiredCount;
        if (typeof input.taskDefinition === 'string') {
          const family = svc.taskDefinition.replace(/:\d+$/, '');
          const wanted = input.taskDefinition.includes('arn:')
            ? input.taskDefinition
            : `${family.replace(/[^/]+$/, '')}${input.taskDefinition}`;
          deploy(cluster, service, svc, wanted, `rolled back to ${wanted.split('/').pop()}`, context);
        } else if (input.forceNewDeployment === true || typeof input.desiredCount === 'number') {
          deploy(
            cluster,
            service,
            svc,
            svc.taskDefinition,
            input.forceNewDeployment ? 'forced new deployment' : `desired count ${svc.desiredCount}`,
            context,
          );
        }
        return { service: serviceOutput(cluster, service, svc) };
      },
      ListServiceDeployments: (input) => {
        const [cluster, service, svc] = serviceOf(input.cluster, input.service);
        const statuses = (input.status as string[] | undefined) ?? [];
        const serviceDeployments = deploymentsOf(svc)
          .filter(
            (d) =>
              d.rolloutState === 'IN_PROGRESS' && (statuses.length === 0 || statuses.includes('IN_PROGRESS')),
          )
          .map((d) => ({
            serviceDeploymentArn: arn(`service-deployment/${cluster}/${service}/${d.id.split('/').pop()}`),
            status: 'IN_PROGRESS',
            targetServiceRevisionArn: d.taskDefinition,
          }));
        return { serviceDeployments };
      },
      StopServiceDeployment: (input) => {
        const match = /service-deployment\/([^/]+)\/([^/]+)\/(.+)$/.exec(
          String(input.serviceDeploymentArn ?? ''),
        );
        if (!match)
          throw awsError('InvalidParameterException', 'serviceDeploymentArn is not a service deployment ARN');
        if (input.stopType !== 'ROLLBACK')
          throw awsError('InvalidParameterException', 'the sandbox simulates stopType ROLLBACK only');
        const [, cluster, service, id] = match;
        const [, , svc] = serviceOf(cluster, service);
        const stopped = deploymentsOf(svc).find(
          (d) => d.id.endsWith(`/${id}`) && d.rolloutState === 'IN_PROGRESS',
        );
        if (!stopped) throw awsError('ConflictException', 'the service deployment is not in progress');
        const previous = deploymentsOf(svc).find((d) => d !== stopped)?.taskDefinition ?? svc.taskDefinition;
        stopped.rolloutState = 'FAILED';
        stopped.rolloutStateReason = 'Stopped with ROLLBACK by the user';
        svc.stuck = false;
        deploy(cluster!, service!, svc, previous, 'rollback', context);
        return { serviceDeploymentArn: input.serviceDeploymentArn };
      },
      DescribeTaskDefinition: (input) => {
        const ref = String(input.taskDefinition ?? '');
        const family = ref.split('/').pop()!.replace(/:\d+$/, '');
        return {
          taskDefinition: {
            taskDefinitionArn: ref.startsWith('arn:') ? ref : arn(`task-definition/${ref}`),
            family,
            containerDefinitions: [
              {
                name: family,
                logConfiguration: {
                  logDriver: 'awslogs',
                  options: {
                    'awslogs-group': `/ecs/${family}`,
                    'awslogs-region': context.region,
                    'awslogs-stream-prefix': 'ecs',
                  },
                },
              },
            ],
          },
        };
      },
    },
  };
};

/** CloudWatch GetMetricData for AWS/ECS CPU and memory, from the world's `ecsMetrics` section. */
export const ecsMetricsSimulator: SimulatorFactory = (world) => {
  const metrics = (world.ecsMetrics ?? {}) as Record<
    string,
    { cpu?: [number, number]; memory?: [number, number] }
  >;
  return {
    serviceId: 'CloudWatch',
    operations: {
      GetMetricData: (input) => {
        const queries = (input.MetricDataQueries ?? []) as Array<{
          Id: string;
          MetricStat?: {
            Metric?: { MetricName?: string; Dimensions?: Array<{ Name: string; Value: string }> };
            Stat?: string;
          };
        }>;
        if (queries.length > 500)
          throw awsError('InvalidParameterValueException', 'at most 500 metric queries');
        return {
          MetricDataResults: queries.map((q) => {
            const dims = Object.fromEntries(
              (q.MetricStat?.Metric?.Dimensions ?? []).map((d) => [d.Name, d.Value]),
            );
            const entry = metrics[`${dims.ClusterName}/${dims.ServiceName}`];
            const pair = q.MetricStat?.Metric?.MetricName === 'CPUUtilization' ? entry?.cpu : entry?.memory;
            const value = pair ? (q.MetricStat?.Stat === 'Maximum' ? pair[1] : pair[0]) : undefined;
            return {
              Id: q.Id,
              StatusCode: 'Complete',
              Timestamps: value === undefined ? [] : [new Date()],
              Values: value === undefined ? [] : [value],
            };
          }),
        };
      },
    },
  };
};

/** CloudWatch Logs FilterLogEvents from the world's `logs` section: group → lines (newest last). */
export const ecsLogsSimulator: SimulatorFactory = (world, context) => {
  const logs = (world.logs ?? {}) as Record<
    string,
    Array<{ stream: string; message: string; secondsAgo: number }>
  >;
  return {
    serviceId: 'CloudWatch Logs',
    operations: {
      FilterLogEvents: (input) => {
        const group = String(input.logGroupName ?? '');
        if (!logs[group])
          throw awsError('ResourceNotFoundException', `The specified log group does not exist: ${group}`);
        const prefix = String(input.logStreamNamePrefix ?? '');
        const now = context.now().getTime();
        const events = logs[group]
          .filter((e) => e.stream.startsWith(prefix))
          .map((e, i) => ({
            eventId: String(i),
            logStreamName: e.stream,
            timestamp: now - e.secondsAgo * 1000,
            message: e.message,
            ingestionTime: now,
          }))
          .filter((e) => typeof input.startTime !== 'number' || e.timestamp >= input.startTime);
        return { events: events.slice(0, Number(input.limit ?? 10_000)), searchedLogStreams: [] };
      },
    },
  };
};
