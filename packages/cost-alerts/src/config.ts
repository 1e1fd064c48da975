// The functions' environment, exactly as terraform/modules/cost-alerts sets it, checked once at cold start.
import * as z from 'zod';

const snsTopicArn = z.string().regex(/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]+$/, 'must be an SNS topic ARN');
const slackChannelId = z
  .string()
  .regex(/^[CG][A-Z0-9]{8,}$/, 'must be a Slack channel id such as C0123456789');
const amount = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'must be a positive amount such as 25 or 12.50')
  .transform(Number);

const common = {
  /** `slack`: Block Kit through the suite's Slack app; `chatbot`: custom-schema JSON to the channel's SNS topic. */
  DELIVERY_MODE: z.enum(['slack', 'chatbot']),
  CRITICAL_TOPIC_ARN: snsTopicArn,
  HEARTBEAT_TOPIC_ARN: snsTopicArn,
  /** Slack channel ids; required in slack mode, unused in chatbot mode (Chatbot owns the channel mapping). */
  CRITICAL_CHANNEL: slackChannelId.optional(),
  HEARTBEAT_CHANNEL: slackChannelId.optional(),
  /** SSM SecureString with the bot token (slack mode). Read at call time through kit's getSecret. */
  SLACK_BOT_TOKEN_PARAM: z.string().min(1).optional(),
};

function requireSlackSettings(
  env: {
    DELIVERY_MODE: 'slack' | 'chatbot';
    CRITICAL_CHANNEL?: string | undefined;
    HEARTBEAT_CHANNEL?: string | undefined;
  },
  ctx: z.core.$RefinementCtx,
): void {
  if (env.DELIVERY_MODE !== 'slack') return;
  for (const name of ['CRITICAL_CHANNEL', 'HEARTBEAT_CHANNEL'] as const) {
    if (!env[name])
      ctx.addIssue({ code: 'custom', path: [name], message: 'is required when DELIVERY_MODE is slack' });
  }
}

export const notifierConfigSchema = z.object(common).superRefine(requireSlackSettings);
export type NotifierConfig = z.infer<typeof notifierConfigSchema>;

export const dailyReportConfigSchema = z
  .object({
    ...common,
    /** Budgets in CURRENCY; unset = the report shows spend without a budget bar. */
    DAILY_BUDGET: amount.optional(),
    MONTHLY_BUDGET: amount.optional(),
    /** ISO 4217 code of the budgets (Cost Explorer answers in the account's currency, USD by default). */
    CURRENCY: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
      .default('USD'),
  })
  .superRefine(requireSlackSettings);
export type DailyReportConfig = z.infer<typeof dailyReportConfigSchema>;
