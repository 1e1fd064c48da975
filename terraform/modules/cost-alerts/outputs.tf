output "notifier_function_name" {
  description = "Name of the notifier function."
  value       = module.notifier.function_name
}

output "daily_report_function_name" {
  description = "Name of the daily report function (make validate invokes it with {\"dryRun\": true})."
  value       = module.daily_report.function_name
}

output "notifier_dlq_arn" {
  description = "Dead-letter queue of SNS messages the notifier could not deliver after its retries."
  value       = module.notifier.dlq_arn
}

output "budget_names" {
  description = "Names of the budgets this module created."
  value       = concat([aws_budgets_budget.daily.name, aws_budgets_budget.monthly.name], [for b in aws_budgets_budget.extra : b.name])
}

output "anomaly_monitor_arn" {
  description = "ARN of the Cost Anomaly Detection monitor."
  value       = aws_ce_anomaly_monitor.this.arn
}

output "dashboard_name" {
  description = "Name of the CloudWatch cost dashboard."
  value       = aws_cloudwatch_dashboard.this.dashboard_name
}
