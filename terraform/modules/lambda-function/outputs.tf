output "function_name" {
  description = "Name of the Lambda function."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "ARN of the Lambda function (unqualified)."
  value       = aws_lambda_function.this.arn
}

output "invoke_arn" {
  description = "ARN to use as an API Gateway integration URI."
  value       = aws_lambda_function.this.invoke_arn
}

output "role_name" {
  description = "Name of the function's IAM role."
  value       = aws_iam_role.this.name
}

output "role_arn" {
  description = "ARN of the function's IAM role."
  value       = aws_iam_role.this.arn
}

output "log_group_name" {
  description = "Name of the function's log group."
  value       = aws_cloudwatch_log_group.this.name
}

output "log_group_arn" {
  description = "ARN of the function's log group."
  value       = aws_cloudwatch_log_group.this.arn
}

output "dlq_arn" {
  description = "ARN of the dead-letter queue, or null when create_dlq is false."
  value       = try(aws_sqs_queue.dlq[0].arn, null)
}

output "dlq_url" {
  description = "URL of the dead-letter queue, or null when create_dlq is false."
  value       = try(aws_sqs_queue.dlq[0].url, null)
}

output "alarm_arns" {
  description = "ARNs of the Errors, Throttles and Duration alarms (empty when create_alarms is false)."
  value = concat(
    aws_cloudwatch_metric_alarm.errors[*].arn,
    aws_cloudwatch_metric_alarm.throttles[*].arn,
    aws_cloudwatch_metric_alarm.duration[*].arn,
  )
}
