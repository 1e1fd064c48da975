output "api_id" {
  description = "ID of the HTTP API."
  value       = aws_apigatewayv2_api.this.id
}

output "api_endpoint" {
  description = "Base URL of the API (https://<id>.execute-api.<region>.amazonaws.com), no trailing slash."
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "execution_arn" {
  description = "Execution ARN of the API (for Lambda permissions)."
  value       = aws_apigatewayv2_api.this.execution_arn
}

output "commands_url" {
  description = "Request URL for Slack slash commands."
  value       = "${aws_apigatewayv2_api.this.api_endpoint}/slack/commands"
}

output "interactivity_url" {
  description = "Request URL for Slack interactivity (buttons, dialogs)."
  value       = "${aws_apigatewayv2_api.this.api_endpoint}/slack/interactivity"
}

output "events_url" {
  description = "Request URL for Slack Events API subscriptions."
  value       = "${aws_apigatewayv2_api.this.api_endpoint}/slack/events"
}

output "access_log_group_name" {
  description = "Name of the access-log group."
  value       = aws_cloudwatch_log_group.access.name
}
