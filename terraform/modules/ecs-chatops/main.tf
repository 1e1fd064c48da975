# ecs-chatops: the worker behind /ecs-status (status, restart, scale, rollback, logs), the function that
# follows deployments through EventBridge, their state table and the notification topic. Everything it
# may touch is derived from var.clusters: IAM and the EventBridge rule name the allow-listed ARNs only.

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

locals {
  partition = data.aws_partition.current.partition
  region    = var.aws_region
  account   = data.aws_caller_identity.current.account_id

  clusters_json = jsonencode(var.clusters)

  # One entry per allow-listed (cluster, service), with the region it lives in.
  services = flatten([
    for cluster, c in var.clusters : [
      for service in c.services : {
        cluster = cluster
        service = service
        region  = coalesce(c.region, local.region)
      }
    ]
  ])

  cluster_arns = sort(distinct([
    for cluster, c in var.clusters : "arn:${local.partition}:ecs:${coalesce(c.region, local.region)}:${local.account}:cluster/${cluster}"
  ]))
  service_arns = sort([
    for s in local.services : "arn:${local.partition}:ecs:${s.region}:${local.account}:service/${s.cluster}/${s.service}"
  ])
  service_deployment_arns = sort([
    for s in local.services : "arn:${local.partition}:ecs:${s.region}:${local.account}:service-deployment/${s.cluster}/${s.service}/*"
  ])
  # EventBridge only sees events of its own region: the rule follows the services of this region.
  home_region_service_arns = sort([
    for s in local.services : "arn:${local.partition}:ecs:${s.region}:${local.account}:service/${s.cluster}/${s.service}" if s.region == local.region
  ])

  cluster_regions = sort(distinct([for s in local.services : s.region]))
  # Log group names are in the services' task definitions, which this module does not know. Without an
  # explicit list, allow the ECS console's default naming (/ecs/<family>) in the clusters' regions.
  log_group_arns = length(var.ecs_log_group_arns) > 0 ? var.ecs_log_group_arns : [
    for r in local.cluster_regions : "arn:${local.partition}:logs:${r}:${local.account}:log-group:/ecs/*"
  ]
  # FilterLogEvents acts on the group; the stream form is kept so a group ARN without a wildcard matches too.
  log_resources = sort(distinct(flatten([
    for a in local.log_group_arns : endswith(a, "*") ? [a] : [a, "${a}:log-stream:*"]
  ])))

  state_table_name = "${var.name_prefix}-ecs-chatops-state"
}

################################################################################
# State (pending approvals, announcements to update, in-flight deployments)
################################################################################

resource "aws_dynamodb_table" "this" {
  name         = local.state_table_name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }

  # TTL removes expired items "typically within two days": the code checks expiresAt itself.
  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }

  server_side_encryption {
    enabled = true
  }

  # Short-lived working state that expires by TTL; the audit table is what keeps history.
  point_in_time_recovery {
    enabled = false
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = length(var.clusters) > 0
      error_message = "enable_ecs_chatops is true but ecs_clusters is empty: list at least one cluster and its services, or set enable_ecs_chatops = false."
    }
  }
}

################################################################################
# Notifications (email on changes to protected clusters)
################################################################################

resource "aws_sns_topic" "this" {
  name              = "${var.name_prefix}-ecs-chatops-notifications"
  kms_master_key_id = "alias/aws/sns"

  tags = var.tags
}

resource "aws_sns_topic_subscription" "email" {
  for_each = toset(var.notification_emails)

  topic_arn = aws_sns_topic.this.arn
  protocol  = "email"
  endpoint  = each.value
}

################################################################################
# Worker: invoked asynchronously by the gateway
################################################################################

module "worker" {
  source = "../lambda-function"

  function_name = "${var.name_prefix}-ecs-chatops-worker"
  description   = "ecs-chatops: /ecs-status status cards and restart/scale/rollback/logs actions"
  filename      = var.worker_filename
  timeout       = var.worker_timeout
  memory_size   = var.worker_memory_size
  tracing_mode  = var.tracing_mode

  environment_variables = {
    SLACK_BOT_TOKEN_PARAM   = var.slack_bot_token_parameter_name
    ECS_CLUSTERS            = local.clusters_json
    AUDIT_TABLE             = var.audit_table_name
    STATE_TABLE             = aws_dynamodb_table.this.name
    NOTIFICATION_TOPIC_ARN  = aws_sns_topic.this.arn
    POWERTOOLS_SERVICE_NAME = "ecs-chatops"
  }

  attach_policy_json = true
  policy_json        = data.aws_iam_policy_document.worker.json

  # A restart or scale must not run twice because an invocation was retried: no retries, and the
  # failed event is kept in the DLQ for inspection (the user already got an error id in Slack).
  maximum_retry_attempts = 0
  create_dlq             = true

  log_retention_days = var.log_retention_days
  alarm_actions      = var.alarm_actions
  tags               = var.tags
}

# One statement per purpose, so the list is easy to compare with the AWS calls the code makes.
data "aws_iam_policy_document" "worker" {
  statement {
    sid       = "ReadAllowListedServices"
    effect    = "Allow"
    actions   = ["ecs:DescribeServices", "ecs:ListServiceDeployments"]
    resources = local.service_arns
  }

  statement {
    sid       = "ChangeAllowListedServices"
    effect    = "Allow"
    actions   = ["ecs:UpdateService"]
    resources = local.service_arns
  }

  statement {
    sid       = "RollBackAllowListedServiceDeployments"
    effect    = "Allow"
    actions   = ["ecs:StopServiceDeployment"]
    resources = local.service_deployment_arns
  }

  # ListTasks/DescribeTasks are scoped by the ecs:cluster condition key rather than by resource.
  statement {
    sid       = "ReadTasksOfAllowListedClusters"
    effect    = "Allow"
    actions   = ["ecs:ListTasks", "ecs:DescribeTasks"]
    resources = ["*"]

    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = local.cluster_arns
    }
  }

  # DescribeTaskDefinition supports no resource-level permissions: "*" is the only valid resource.
  statement {
    sid       = "ReadTaskDefinitions"
    effect    = "Allow"
    actions   = ["ecs:DescribeTaskDefinition"]
    resources = ["*"]
  }

  # GetMetricData supports no resource-level permissions: "*" is the only valid resource.
  statement {
    sid       = "ReadServiceMetrics"
    effect    = "Allow"
    actions   = ["cloudwatch:GetMetricData"]
    resources = ["*"]
  }

  statement {
    sid       = "ReadServiceLogs"
    effect    = "Allow"
    actions   = ["logs:FilterLogEvents"]
    resources = local.log_resources
  }

  statement {
    sid       = "NotifyProtectedClusterChanges"
    effect    = "Allow"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.this.arn]
  }

  statement {
    sid       = "WriteAudit"
    effect    = "Allow"
    actions   = ["dynamodb:PutItem"]
    resources = [var.audit_table_arn]
  }

  statement {
    sid       = "KeepState"
    effect    = "Allow"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.this.arn]
  }

  statement {
    sid       = "ReadSlackBotToken"
    effect    = "Allow"
    actions   = ["ssm:GetParameter"]
    resources = [var.slack_bot_token_parameter_arn]
  }

  dynamic "statement" {
    for_each = var.ssm_kms_key_arn == null ? [] : [var.ssm_kms_key_arn]

    content {
      sid       = "DecryptSlackBotToken"
      effect    = "Allow"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["ssm.${local.region}.amazonaws.com"]
      }
    }
  }
}

################################################################################
# Deployment events: ECS deployment state changes update the announcement in Slack
################################################################################

module "deployment_events" {
  source = "../lambda-function"

  function_name = "${var.name_prefix}-ecs-chatops-deployment-events"
  description   = "ecs-chatops: updates the Slack announcement of a restart/scale/rollback as its ECS deployment progresses"
  filename      = var.deployment_events_filename
  timeout       = 30
  memory_size   = 256
  tracing_mode  = var.tracing_mode

  environment_variables = {
    SLACK_BOT_TOKEN_PARAM   = var.slack_bot_token_parameter_name
    ECS_CLUSTERS            = local.clusters_json
    AUDIT_TABLE             = var.audit_table_name
    STATE_TABLE             = aws_dynamodb_table.this.name
    POWERTOOLS_SERVICE_NAME = "ecs-chatops"
  }

  attach_policy_json = true
  policy_json        = data.aws_iam_policy_document.deployment_events.json

  # EventBridge invokes asynchronously; updating a Slack message again is harmless, so keep retries.
  maximum_retry_attempts = 2
  create_dlq             = true

  log_retention_days = var.log_retention_days
  alarm_actions      = var.alarm_actions
  tags               = var.tags
}

data "aws_iam_policy_document" "deployment_events" {
  statement {
    sid       = "WriteAudit"
    effect    = "Allow"
    actions   = ["dynamodb:PutItem"]
    resources = [var.audit_table_arn]
  }

  statement {
    sid       = "KeepState"
    effect    = "Allow"
    actions   = ["dynamodb:GetItem"]
    resources = [aws_dynamodb_table.this.arn]
  }

  statement {
    sid       = "ReadSlackBotToken"
    effect    = "Allow"
    actions   = ["ssm:GetParameter"]
    resources = [var.slack_bot_token_parameter_arn]
  }

  dynamic "statement" {
    for_each = var.ssm_kms_key_arn == null ? [] : [var.ssm_kms_key_arn]

    content {
      sid       = "DecryptSlackBotToken"
      effect    = "Allow"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["ssm.${local.region}.amazonaws.com"]
      }
    }
  }
}

resource "aws_cloudwatch_event_rule" "this" {
  count = length(local.home_region_service_arns) > 0 ? 1 : 0

  name        = "${var.name_prefix}-ecs-chatops-deployments"
  description = "Deployment state changes of the services allow-listed for ecs-chatops."

  event_pattern = jsonencode({
    source        = ["aws.ecs"]
    "detail-type" = ["ECS Deployment State Change"]
    resources     = local.home_region_service_arns
  })

  tags = var.tags
}

resource "aws_cloudwatch_event_target" "this" {
  count = length(aws_cloudwatch_event_rule.this)

  rule      = aws_cloudwatch_event_rule.this[0].name
  target_id = "deployment-events"
  arn       = module.deployment_events.function_arn
}

resource "aws_lambda_permission" "events" {
  count = length(aws_cloudwatch_event_rule.this)

  statement_id  = "AllowEventBridgeDeploymentEvents"
  action        = "lambda:InvokeFunction"
  function_name = module.deployment_events.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.this[0].arn
}
