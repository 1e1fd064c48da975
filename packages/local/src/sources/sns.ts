// SNS topics of the sandbox: functions subscribe to topics and get the SNS event records Lambda
// delivers (one record per invocation, asynchronous, retried like Lambda async), with the
// subscription's filter policy on message attributes. Publishes come from tests and the demo
// (`publish`) or from functions through the SDK (`snsPublishSimulator`, serviceId 'SNS').
//
// Any other SNS simulator can deliver through the same topics: call `snsTopicsOf(context).publish(…)`
// from its Publish operation (the subscriber hook).
import { randomUUID } from 'node:crypto';
import type { SimulatorFactory, WorldContext } from '../aws/world.js';
import { awsError } from '../aws/world.js';
import type { LambdaRunner } from './lambda.js';

export interface SnsMessageAttribute {
  DataType: string;
  StringValue?: string;
}

/** The subset of SNS filter policies the suite uses: attribute equals one of, or `{"exists": bool}`. */
export type FilterPolicy = Record<string, Array<string | { exists: boolean }>>;

export interface SnsSubscription {
  topicArn: string;
  /** Function name without the prefix. */
  function: string;
  filterPolicy?: FilterPolicy;
}

export interface PublishedMessage {
  messageId: string;
  topicArn: string;
  message: string;
  subject?: string;
  attributes: Record<string, SnsMessageAttribute>;
  /** Functions it was delivered to. */
  deliveredTo: string[];
}

export interface PublishInput {
  topicArn: string;
  message: string;
  subject?: string;
  attributes?: Record<string, SnsMessageAttribute>;
}

function matches(policy: FilterPolicy | undefined, attributes: Record<string, SnsMessageAttribute>): boolean {
  if (!policy) return true;
  return Object.entries(policy).every(([name, conditions]) =>
    conditions.some((condition) => {
      const attribute = attributes[name];
      if (typeof condition === 'object') return condition.exists === (attribute !== undefined);
      return attribute?.StringValue === condition;
    }),
  );
}

export class LocalSnsTopics {
  readonly topics = new Set<string>();
  readonly subscriptions: SnsSubscription[] = [];
  readonly published: PublishedMessage[] = [];
  private lambda: LambdaRunner | undefined;

  constructor(
    private readonly accountId: string,
    private readonly region: string,
  ) {}

  /** Connects the topics to the functions (done in a feature's setup, when the runner exists). */
  attach(lambda: LambdaRunner): void {
    this.lambda = lambda;
  }

  createTopic(name: string): string {
    const arn = `arn:aws:sns:${this.region}:${this.accountId}:${name}`;
    this.topics.add(arn);
    return arn;
  }

  subscribe(subscription: SnsSubscription): void {
    if (!this.topics.has(subscription.topicArn)) throw new Error(`no such topic ${subscription.topicArn}`);
    this.subscriptions.push(subscription);
  }

  /** Messages published to one topic, oldest first. */
  messages(topicArn: string): PublishedMessage[] {
    return this.published.filter((m) => m.topicArn === topicArn);
  }

  publish(input: PublishInput): PublishedMessage {
    if (!this.topics.has(input.topicArn)) {
      throw awsError('NotFoundException', `Topic does not exist: ${input.topicArn}`, 404);
    }
    const attributes = input.attributes ?? {};
    const record: PublishedMessage = {
      messageId: randomUUID(),
      topicArn: input.topicArn,
      message: input.message,
      attributes,
      deliveredTo: [],
    };
    if (input.subject !== undefined) record.subject = input.subject;
    this.published.push(record);
    for (const subscription of this.subscriptions) {
      if (subscription.topicArn !== input.topicArn || !matches(subscription.filterPolicy, attributes))
        continue;
      if (!this.lambda)
        throw new Error('SNS topics are not attached to the Lambda runner (call attach in setup)');
      record.deliveredTo.push(subscription.function);
      this.lambda.invokeAsync(subscription.function, this.eventOf(record, subscription));
    }
    return record;
  }

  /** The event Lambda receives for an SNS subscription. */
  eventOf(message: PublishedMessage, subscription: SnsSubscription): Record<string, unknown> {
    return {
      Records: [
        {
          EventSource: 'aws:sns',
          EventVersion: '1.0',
          EventSubscriptionArn: `${subscription.topicArn}:${randomUUID()}`,
          Sns: {
            Type: 'Notification',
            MessageId: message.messageId,
            TopicArn: message.topicArn,
            Subject: message.subject ?? null,
            Message: message.message,
            Timestamp: new Date().toISOString(),
            SignatureVersion: '1',
            Signature: 'sandbox',
            SigningCertUrl: 'https://sns.sandbox/cert.pem',
            UnsubscribeUrl: 'https://sns.sandbox/unsubscribe',
            MessageAttributes: Object.fromEntries(
              Object.entries(message.attributes).map(([name, a]) => [
                name,
                { Type: a.DataType, Value: a.StringValue ?? '' },
              ]),
            ),
          },
        },
      ],
    };
  }
}

const topicsByWorld = new WeakMap<WorldContext, LocalSnsTopics>();

/** The SNS topics of one sandbox (created on first use). */
export function snsTopicsOf(context: WorldContext): LocalSnsTopics {
  let topics = topicsByWorld.get(context);
  if (!topics) {
    topics = new LocalSnsTopics(context.accountId, context.region);
    topicsByWorld.set(context, topics);
  }
  return topics;
}

/** SNS Publish through the SDK, delivered to the sandbox's topics. */
export const snsPublishSimulator: SimulatorFactory = (_world, context) => ({
  serviceId: 'SNS',
  operations: {
    Publish: (input) => {
      const topicArn = String(input.TopicArn ?? '');
      if (typeof input.Message !== 'string' || input.Message.length === 0) {
        throw awsError('InvalidParameterException', 'Invalid parameter: Message');
      }
      if (Buffer.byteLength(input.Message) > 256 * 1024) {
        throw awsError('InvalidParameterException', 'Invalid parameter: Message too long');
      }
      const publish: PublishInput = {
        topicArn,
        message: input.Message,
        attributes: (input.MessageAttributes ?? {}) as Record<string, SnsMessageAttribute>,
      };
      if (typeof input.Subject === 'string') publish.subject = input.Subject;
      const record = snsTopicsOf(context).publish(publish);
      return { MessageId: record.messageId };
    },
  },
});
