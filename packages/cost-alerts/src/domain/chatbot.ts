// The AWS Chatbot (Amazon Q Developer in chat applications) custom notification schema. Chatbot drops
// anything else published to its topic ("Event received is not supported"), so every notification
// the functions publish in chatbot mode is checked against these rules first; the same schema is the
// documented format other stacks use to publish their own alerts (README).
import * as z from 'zod';

const nonEmpty = z.string().trim().min(1);

export const chatbotNotificationSchema = z.strictObject({
  version: z.literal('1.0'),
  source: z.literal('custom'),
  id: z.string().optional(),
  content: z.strictObject({
    textType: z.literal('client-markdown').optional(),
    title: z.string().optional(),
    description: nonEmpty,
    nextSteps: z.array(z.string()).optional(),
    keywords: z.array(z.string()).optional(),
  }),
  metadata: z
    .strictObject({
      threadId: z.string().optional(),
      summary: z.string().optional(),
      eventType: z.string().optional(),
      relatedResources: z.array(z.string()).optional(),
      additionalContext: z.record(z.string(), z.unknown()).optional(),
      enableCustomActions: z.boolean().optional(),
    })
    .optional(),
});

export type ChatbotNotification = z.infer<typeof chatbotNotificationSchema>;

/** Checks a notification against the schema; the message names each field at fault. */
export function chatbotProblems(value: unknown): string[] {
  const result = chatbotNotificationSchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
