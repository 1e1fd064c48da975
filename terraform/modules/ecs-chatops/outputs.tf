output "worker_function_name" {
  description = "Name of the worker function (the gateway's ECS_WORKER_FUNCTION)."
  value       = module.worker.function_name
}

output "worker_function_arn" {
  description = "ARN of the worker function (the gateway may invoke it)."
  value       = module.worker.function_arn
}

output "deployment_events_function_name" {
  description = "Name of the function that follows ECS deployments."
  value       = module.deployment_events.function_name
}

output "deployment_events_function_arn" {
  description = "ARN of the function that follows ECS deployments."
  value       = module.deployment_events.function_arn
}

output "state_table_name" {
  description = "Name of the ecs-chatops state table."
  value       = aws_dynamodb_table.this.name
}

output "state_table_arn" {
  description = "ARN of the ecs-chatops state table."
  value       = aws_dynamodb_table.this.arn
}

output "notification_topic_arn" {
  description = "ARN of the SNS topic that emails changes to protected clusters."
  value       = aws_sns_topic.this.arn
}

output "event_rule_arn" {
  description = "ARN of the EventBridge rule on deployment state changes (null when no allow-listed service is in the deployment region)."
  value       = try(aws_cloudwatch_event_rule.this[0].arn, null)
}

output "allowed_service_arns" {
  description = "The service ARNs the worker may describe and change."
  value       = local.service_arns
}

output "dlq_arns" {
  description = "Dead-letter queues of the worker and the deployment-events function."
  value       = { worker = module.worker.dlq_arn, deployment_events = module.deployment_events.dlq_arn }
}
