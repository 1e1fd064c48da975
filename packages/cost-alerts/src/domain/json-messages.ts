// The JSON messages the notifier understands: Cost Anomaly Detection (IMMEDIATE subscriptions),
// CloudWatch alarm state changes, and the Chatbot custom schema other stacks publish.
import * as z from 'zod';
import type { AlarmAlert, AnomalyAlert, AnomalyRootCause, CustomAlert } from './alert.js';
import { chatbotNotificationSchema } from './chatbot.js';

const numeric = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

const anomalySchema = z.object({
  anomalyId: z.string().min(1),
  accountId: z.string().optional(),
  monitorName: z.string().optional(),
  anomalyStartDate: z.string().optional(),
  anomalyEndDate: z.string().optional(),
  anomalyDetailsLink: z.string().optional(),
  impact: z.object({
    totalImpact: numeric,
    totalActualSpend: numeric.optional(),
    totalExpectedSpend: numeric.optional(),
    totalImpactPercentage: numeric.optional(),
  }),
  rootCauses: z
    .array(
      z.object({
        service: z.string().optional(),
        region: z.string().optional(),
        usageType: z.string().optional(),
        linkedAccount: z.string().optional(),
        linkedAccountName: z.string().optional(),
        impact: z.object({ contribution: numeric.optional() }).optional(),
      }),
    )
    .default([]),
});

const alarmSchema = z.object({
  AlarmName: z.string().min(1),
  AlarmDescription: z.string().nullish(),
  NewStateValue: z.string().min(1),
  OldStateValue: z.string().optional(),
  NewStateReason: z.string().default(''),
  Region: z.string().optional(),
  AWSAccountId: z.string().optional(),
  AlarmArn: z.string().optional(),
  StateChangeTime: z.string().optional(),
  Trigger: z
    .object({
      MetricName: z.string().optional(),
      Namespace: z.string().optional(),
      Dimensions: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
    })
    .optional(),
});

export function parseAnomaly(value: unknown): AnomalyAlert | undefined {
  const parsed = anomalySchema.safeParse(value);
  if (!parsed.success) return undefined;
  const a = parsed.data;
  const rootCauses: AnomalyRootCause[] = a.rootCauses.map((cause) => {
    const { impact, ...rest } = cause;
    return impact?.contribution === undefined ? rest : { ...rest, impact: impact.contribution };
  });
  const alert: AnomalyAlert = {
    kind: 'anomaly',
    anomalyId: a.anomalyId,
    totalImpact: a.impact.totalImpact,
    rootCauses,
  };
  if (a.monitorName) alert.monitorName = a.monitorName;
  if (a.accountId) alert.accountId = a.accountId;
  if (a.anomalyStartDate) alert.startDate = a.anomalyStartDate;
  if (a.anomalyEndDate) alert.endDate = a.anomalyEndDate;
  if (a.anomalyDetailsLink) alert.detailsLink = a.anomalyDetailsLink;
  if (a.impact.totalActualSpend !== undefined) alert.totalActualSpend = a.impact.totalActualSpend;
  if (a.impact.totalExpectedSpend !== undefined) alert.totalExpectedSpend = a.impact.totalExpectedSpend;
  if (a.impact.totalImpactPercentage !== undefined) alert.impactPercentage = a.impact.totalImpactPercentage;
  return alert;
}

export function parseAlarm(value: unknown): AlarmAlert | undefined {
  const parsed = alarmSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const a = parsed.data;
  const alert: AlarmAlert = {
    kind: 'alarm',
    alarmName: a.AlarmName,
    newState: a.NewStateValue,
    reason: a.NewStateReason,
  };
  if (a.AlarmDescription) alert.description = a.AlarmDescription;
  if (a.OldStateValue) alert.oldState = a.OldStateValue;
  if (a.Region) alert.region = a.Region;
  if (a.AWSAccountId) alert.accountId = a.AWSAccountId;
  if (a.AlarmArn) alert.alarmArn = a.AlarmArn;
  if (a.StateChangeTime) alert.changedAt = a.StateChangeTime;
  if (a.Trigger) {
    const metric: NonNullable<AlarmAlert['metric']> = {
      dimensions: a.Trigger.Dimensions.map((d) => `${d.name}=${d.value}`),
    };
    if (a.Trigger.Namespace) metric.namespace = a.Trigger.Namespace;
    if (a.Trigger.MetricName) metric.name = a.Trigger.MetricName;
    alert.metric = metric;
  }
  return alert;
}

export function parseCustom(value: unknown): CustomAlert | undefined {
  const parsed = chatbotNotificationSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { content, metadata } = parsed.data;
  const alert: CustomAlert = {
    kind: 'custom',
    title: content.title ?? metadata?.summary ?? 'Notification',
    description: content.description,
    nextSteps: content.nextSteps ?? [],
    keywords: content.keywords ?? [],
    relatedResources: metadata?.relatedResources ?? [],
  };
  if (metadata?.summary) alert.summary = metadata.summary;
  if (metadata?.eventType) alert.eventType = metadata.eventType;
  if (metadata?.threadId) alert.threadId = metadata.threadId;
  return alert;
}
