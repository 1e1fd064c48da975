output "critical_topic_arn" {
  description = "ARN of the critical SNS topic: publish here for alerts that need action."
  value       = aws_sns_topic.this["critical"].arn
}

output "heartbeat_topic_arn" {
  description = "ARN of the heartbeat SNS topic: publish here for notices and warnings."
  value       = aws_sns_topic.this["heartbeat"].arn
}

output "topic_arns" {
  description = "Topic ARN by channel name (critical, heartbeat)."
  value       = { for channel, topic in aws_sns_topic.this : channel => topic.arn }
}

output "chatbot_configuration_arns" {
  description = "ARNs of the AWS Chatbot channel configurations by channel (empty without chatbot)."
  value       = { for channel, c in aws_chatbot_slack_channel_configuration.this : channel => c.chat_configuration_arn }
}
