// What the ecs-chatops domain needs from the outside world. Adapters implement these.
import type { AuditRecord } from '@slackops/kit';
import type { SlackMessage } from '@slackops/kit/core';
import type { Change } from './domain/tasks.js';

export interface DeploymentView {
  id: string;
  status: string;
  rolloutState?: string;
  rolloutStateReason?: string;
  taskDefinition: string;
  desired: number;
  running: number;
  pending: number;
  failedTasks: number;
  createdAt?: Date;
  updatedAt?: Date;
}

export interface ServiceView {
  cluster: string;
  name: string;
  arn: string;
  status: string;
  desired: number;
  running: number;
  pending: number;
  taskDefinition: string;
  deployments: DeploymentView[];
  events: Array<{ at?: Date; message: string }>;
  circuitBreaker?: { enable: boolean; rollback: boolean };
}

export interface TaskView {
  id: string;
  lastStatus: string;
  health: string;
  stoppedReason?: string;
  stoppedAt?: Date;
  containers: Array<{ name: string; health?: string; exitCode?: number; reason?: string }>;
}

export interface Utilization {
  cpu?: { average: number; maximum: number };
  memory?: { average: number; maximum: number };
  minutes: number;
}

export interface EcsPort {
  describeServices(cluster: string, services: string[]): Promise<ServiceView[]>;
  /** Running and recently stopped tasks of a service. */
  tasksOf(cluster: string, service: string): Promise<{ running: TaskView[]; stopped: TaskView[] }>;
  restart(cluster: string, service: string): Promise<string>;
  scale(cluster: string, service: string, count: number): Promise<string>;
  /** Returns the deployment id that carries the rollback and how it was done. */
  rollback(cluster: string, service: string): Promise<{ deploymentId: string; how: string }>;
  /** awslogs settings of the service's containers. */
  logTargets(
    taskDefinition: string,
  ): Promise<Array<{ container: string; group: string; streamPrefix?: string }>>;
}

export interface MetricsPort {
  utilization(cluster: string, service: string, minutes: number): Promise<Utilization>;
}

export interface LogsPort {
  latest(
    group: string,
    streamPrefix: string | undefined,
    lines: number,
  ): Promise<Array<{ at: Date; message: string }>>;
}

export interface Approval {
  id: string;
  change: Change;
  channelId: string;
  messageTs: string;
  requestedAt: string;
}

export interface Announcement {
  deploymentId: string;
  channelId: string;
  messageTs: string;
  change: Change;
  approver?: string;
  requestId: string;
  startedAt: string;
}

export interface StatePort {
  putApproval(approval: Approval): Promise<void>;
  getApproval(id: string): Promise<Approval | undefined>;
  /** Moves a pending approval to its decision, once; returns it, or undefined when already decided or unknown. */
  decide(id: string, decision: 'approved' | 'rejected', by: string): Promise<Approval | undefined>;
  putAnnouncement(announcement: Announcement): Promise<void>;
  getAnnouncement(deploymentId: string): Promise<Announcement | undefined>;
}

export interface SlackPort {
  respond(responseUrl: string, message: SlackMessage): Promise<void>;
  post(channel: string, message: SlackMessage): Promise<string>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  upload(channel: string, filename: string, content: string, comment: string): Promise<void>;
  groupMembers(groupId: string): Promise<string[]>;
}

export interface NotifyPort {
  email(subject: string, body: string): Promise<void>;
}

export interface AuditPort {
  write(record: AuditRecord): Promise<void>;
}
