# ecs-chatops: /ecs-status on the allow-listed clusters and services of var.ecs_clusters.

module "ecs_chatops" {
  source = "./modules/ecs-chatops"
  count  = var.enable_ecs_chatops ? 1 : 0

  name_prefix                = var.name_prefix
  aws_region                 = var.aws_region
  clusters                   = var.ecs_clusters
  worker_filename            = "${local.packages_dir}/ecs-chatops/dist/ecs-chatops-worker.zip"
  deployment_events_filename = "${local.packages_dir}/ecs-chatops/dist/ecs-chatops-deployment-events.zip"

  audit_table_name               = aws_dynamodb_table.audit.name
  audit_table_arn                = aws_dynamodb_table.audit.arn
  slack_bot_token_parameter_name = var.slack_bot_token_parameter
  slack_bot_token_parameter_arn  = local.slack_bot_token_parameter_arn
  ssm_kms_key_arn                = var.ssm_kms_key_arn
  notification_emails            = var.notification_emails
  ecs_log_group_arns             = var.ecs_log_group_arns

  log_retention_days = var.log_retention_days
  tracing_mode       = var.tracing_mode
  alarm_actions      = local.alarm_actions
  tags               = local.tags
}
