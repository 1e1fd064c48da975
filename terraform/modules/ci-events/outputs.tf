output "queue_url" {
  description = "URL to send CI events to (aws sqs send-message --queue-url …)."
  value       = aws_sqs_queue.this.url
}

output "queue_arn" {
  description = "ARN of the CI events queue."
  value       = aws_sqs_queue.this.arn
}

output "dlq_url" {
  description = "URL of the dead-letter queue (parked events)."
  value       = aws_sqs_queue.dlq.url
}

output "sender_policy_json" {
  description = "IAM policy document that allows exactly sqs:SendMessage on the queue: attach it to CI roles."
  value       = data.aws_iam_policy_document.sender.json
}

output "function_name" {
  description = "Name of the processor function."
  value       = module.processor.function_name
}
