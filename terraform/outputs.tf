output "slack_api_url" {
  description = "Base URL of the Slack HTTP API; Slack posts to <url>/slack/commands, /slack/interactivity and /slack/events."
  value       = module.slack_api.api_endpoint
}

output "slack_app_manifest" {
  description = "Slack app manifest (JSON): paste it at api.slack.com > Create New App > From a manifest, install the app, then store its bot token and signing secret in SSM."
  value       = jsonencode(local.slack_app_manifest)
}

output "audit_table_name" {
  description = "Name of the suite-wide audit table."
  value       = aws_dynamodb_table.audit.name
}

output "slack_events_table_name" {
  description = "Name of the table that remembers Slack event ids already handled."
  value       = aws_dynamodb_table.slack_events.name
}

output "slack_gateway_function_name" {
  description = "Name of the slack-gateway function."
  value       = module.slack_gateway.function_name
}

output "ecs_chatops_worker_function_name" {
  description = "Name of the ecs-chatops worker function (null when enable_ecs_chatops is false)."
  value       = try(module.ecs_chatops[0].worker_function_name, null)
}

output "ecs_chatops_deployment_events_function_name" {
  description = "Name of the ecs-chatops deployment-events function (null when enable_ecs_chatops is false)."
  value       = try(module.ecs_chatops[0].deployment_events_function_name, null)
}

output "ecs_chatops_notification_topic_arn" {
  description = "SNS topic that emails changes to protected clusters (null when enable_ecs_chatops is false)."
  value       = try(module.ecs_chatops[0].notification_topic_arn, null)
}
