# cost-alerts: budgets from tfvars routed to the two channels, the notifier and the daily report, a
# Cost Anomaly monitor, and the cost dashboard.
#
# Routing (AWS Budgets publishes to the topic; the notifier posts to the topic's channel):
#   warning_threshold_percent  (80)  ACTUAL, and FORECASTED for non-daily budgets → heartbeat topic
#   critical_threshold_percent (100) ACTUAL, and FORECASTED for non-daily budgets → critical topic
# FORECASTED is not available for DAILY budgets, so it is never created for them.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  account   = data.aws_caller_identity.current.account_id
  partition = data.aws_partition.current.partition
  region    = data.aws_region.current.name

  notifier_name     = "${var.name_prefix}-cost-alerts-notifier"
  daily_report_name = "${var.name_prefix}-cost-alerts-daily-report"
  metrics_namespace = "${var.name_prefix}/cost-alerts"
  slack_mode        = var.delivery_mode == "slack"
  topic_arns        = [var.critical_topic_arn, var.heartbeat_topic_arn]

  # The environment both functions read (packages/cost-alerts/src/config.ts); Slack settings only in slack mode.
  common_environment = merge(
    {
      DELIVERY_MODE           = var.delivery_mode
      CRITICAL_TOPIC_ARN      = var.critical_topic_arn
      HEARTBEAT_TOPIC_ARN     = var.heartbeat_topic_arn
      POWERTOOLS_SERVICE_NAME = "cost-alerts"
    },
    local.slack_mode ? {
      CRITICAL_CHANNEL      = var.critical_channel
      HEARTBEAT_CHANNEL     = var.heartbeat_channel
      SLACK_BOT_TOKEN_PARAM = var.slack_bot_token_parameter_name
    } : {},
  )

  # Notifications of the extra budgets: ACTUAL always, FORECASTED unless the budget is DAILY.
  extra_budget_notifications = {
    for name, budget in var.extra_budgets : name => concat(
      [
        { type = "ACTUAL", threshold = var.warning_threshold_percent, topic = var.heartbeat_topic_arn },
        { type = "ACTUAL", threshold = var.critical_threshold_percent, topic = var.critical_topic_arn },
      ],
      budget.time_unit == "DAILY" ? [] : [
        { type = "FORECASTED", threshold = var.warning_threshold_percent, topic = var.heartbeat_topic_arn },
        { type = "FORECASTED", threshold = var.critical_threshold_percent, topic = var.critical_topic_arn },
      ],
    )
  }
}

################################################################################
# Budgets
################################################################################

resource "aws_budgets_budget" "daily" {
  name         = "${var.name_prefix}-daily"
  budget_type  = "COST"
  limit_amount = tostring(var.daily_budget)
  limit_unit   = var.currency
  time_unit    = "DAILY"

  # Same figures as the daily report: credits and refunds left out.
  cost_types {
    include_credit = false
    include_refund = false
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    notification_type          = "ACTUAL"
    threshold                  = var.warning_threshold_percent
    threshold_type             = "PERCENTAGE"
    subscriber_sns_topic_arns  = [var.heartbeat_topic_arn]
    subscriber_email_addresses = var.daily_budget_emails
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    notification_type          = "ACTUAL"
    threshold                  = var.critical_threshold_percent
    threshold_type             = "PERCENTAGE"
    subscriber_sns_topic_arns  = [var.critical_topic_arn]
    subscriber_email_addresses = var.daily_budget_emails
  }

  tags = var.tags
}

resource "aws_budgets_budget" "monthly" {
  name         = "${var.name_prefix}-monthly"
  budget_type  = "COST"
  limit_amount = tostring(var.monthly_budget)
  limit_unit   = var.currency
  time_unit    = "MONTHLY"

  cost_types {
    include_credit = false
    include_refund = false
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    notification_type          = "ACTUAL"
    threshold                  = var.warning_threshold_percent
    threshold_type             = "PERCENTAGE"
    subscriber_sns_topic_arns  = [var.heartbeat_topic_arn]
    subscriber_email_addresses = var.monthly_budget_emails
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    notification_type          = "FORECASTED"
    threshold                  = var.warning_threshold_percent
    threshold_type             = "PERCENTAGE"
    subscriber_sns_topic_arns  = [var.heartbeat_topic_arn]
    subscriber_email_addresses = var.monthly_budget_emails
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    notification_type          = "ACTUAL"
    threshold                  = var.critical_threshold_percent
    threshold_type             = "PERCENTAGE"
    subscriber_sns_topic_arns  = [var.critical_topic_arn]
    subscriber_email_addresses = var.monthly_budget_emails
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    notification_type          = "FORECASTED"
    threshold                  = var.critical_threshold_percent
    threshold_type             = "PERCENTAGE"
    subscriber_sns_topic_arns  = [var.critical_topic_arn]
    subscriber_email_addresses = var.monthly_budget_emails
  }

  tags = var.tags
}

resource "aws_budgets_budget" "extra" {
  for_each = var.extra_budgets

  name         = "${var.name_prefix}-${each.key}"
  budget_type  = "COST"
  limit_amount = tostring(each.value.amount)
  limit_unit   = var.currency
  time_unit    = each.value.time_unit

  cost_types {
    include_credit = false
    include_refund = false
  }

  dynamic "cost_filter" {
    for_each = length(each.value.services) > 0 ? [each.value.services] : []

    content {
      name   = "Service"
      values = cost_filter.value
    }
  }

  dynamic "cost_filter" {
    for_each = length(each.value.tags) > 0 ? [each.value.tags] : []

    content {
      name   = "TagKeyValue"
      values = flatten([for key, values in cost_filter.value : [for value in values : "user:${key}$${value}"]])
    }
  }

  dynamic "notification" {
    for_each = local.extra_budget_notifications[each.key]

    content {
      comparison_operator        = "GREATER_THAN"
      notification_type          = notification.value.type
      threshold                  = notification.value.threshold
      threshold_type             = "PERCENTAGE"
      subscriber_sns_topic_arns  = [notification.value.topic]
      subscriber_email_addresses = each.value.emails
    }
  }

  tags = var.tags
}

################################################################################
# Cost Anomaly Detection: SNS delivery exists only with frequency IMMEDIATE
################################################################################

resource "aws_ce_anomaly_monitor" "this" {
  name              = "${var.name_prefix}-services"
  monitor_type      = "DIMENSIONAL"
  monitor_dimension = "SERVICE"
  tags              = var.tags
}

resource "aws_ce_anomaly_subscription" "this" {
  name             = "${var.name_prefix}-critical"
  frequency        = "IMMEDIATE"
  monitor_arn_list = [aws_ce_anomaly_monitor.this.arn]

  subscriber {
    type    = "SNS"
    address = var.critical_topic_arn
  }

  threshold_expression {
    dimension {
      key           = "ANOMALY_TOTAL_IMPACT_ABSOLUTE"
      match_options = ["GREATER_THAN_OR_EQUAL"]
      values        = [tostring(var.anomaly_threshold_amount)]
    }
  }

  tags = var.tags
}

################################################################################
# Functions
################################################################################

module "notifier" {
  source = "../lambda-function"

  function_name = "${var.name_prefix}-cost-alerts-notifier"
  description   = "cost-alerts: Budgets, Cost Anomaly, CloudWatch alarm and custom messages from the critical and heartbeat topics to Slack"
  filename      = var.notifier_filename
  timeout       = 30
  memory_size   = 256
  tracing_mode  = var.tracing_mode

  environment_variables = local.common_environment

  attach_policy_json = true
  policy_json        = data.aws_iam_policy_document.notifier.json

  # SNS invokes asynchronously: a Slack failure throws, Lambda retries twice, then the DLQ keeps the
  # message. Posting twice is better than losing a cost alert.
  maximum_retry_attempts = 2
  create_dlq             = true

  log_retention_days = var.log_retention_days
  alarm_actions      = var.alarm_actions
  tags               = var.tags
}

module "daily_report" {
  source = "../lambda-function"

  function_name = "${var.name_prefix}-cost-alerts-daily-report"
  description   = "cost-alerts: daily spend report (Cost Explorer, at most 3 requests) to the heartbeat channel"
  filename      = var.daily_report_filename
  timeout       = 60
  memory_size   = 256
  tracing_mode  = var.tracing_mode

  environment_variables = merge(local.common_environment, {
    DAILY_BUDGET                 = tostring(var.daily_budget)
    MONTHLY_BUDGET               = tostring(var.monthly_budget)
    CURRENCY                     = var.currency
    POWERTOOLS_METRICS_NAMESPACE = local.metrics_namespace
  })

  attach_policy_json = true
  policy_json        = data.aws_iam_policy_document.daily_report.json

  # Each run costs up to $0.03 in Cost Explorer requests: one retry, then the DLQ.
  maximum_retry_attempts = 1
  create_dlq             = true

  log_retention_days = var.log_retention_days
  alarm_actions      = var.alarm_actions
  tags               = var.tags
}

# Least privilege. Slack mode reads the bot token; chatbot mode publishes to the two topics (unencrypted
# topics only: see the README). Metrics go out as EMF log lines: no cloudwatch:PutMetricData.
data "aws_iam_policy_document" "notifier" {
  dynamic "statement" {
    for_each = local.slack_mode ? [var.slack_bot_token_parameter_arn] : []

    content {
      sid       = "ReadSlackBotToken"
      effect    = "Allow"
      actions   = ["ssm:GetParameter"]
      resources = [statement.value]
    }
  }

  dynamic "statement" {
    for_each = local.slack_mode && var.ssm_kms_key_arn != null ? [var.ssm_kms_key_arn] : []

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

  dynamic "statement" {
    for_each = local.slack_mode ? [] : [local.topic_arns]

    content {
      sid       = "PublishToChannelTopics"
      effect    = "Allow"
      actions   = ["sns:Publish"]
      resources = statement.value
    }
  }

}

data "aws_iam_policy_document" "daily_report" {
  # Cost Explorer has no resource-level permissions: "*" is the only resource these actions take.
  statement {
    sid       = "ReadCostExplorer"
    effect    = "Allow"
    actions   = ["ce:GetCostAndUsage", "ce:GetCostForecast"]
    resources = ["*"]
  }

  dynamic "statement" {
    for_each = local.slack_mode ? [var.slack_bot_token_parameter_arn] : []

    content {
      sid       = "ReadSlackBotToken"
      effect    = "Allow"
      actions   = ["ssm:GetParameter"]
      resources = [statement.value]
    }
  }

  dynamic "statement" {
    for_each = local.slack_mode && var.ssm_kms_key_arn != null ? [var.ssm_kms_key_arn] : []

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

  dynamic "statement" {
    for_each = local.slack_mode ? [] : [local.topic_arns]

    content {
      sid       = "PublishToChannelTopics"
      effect    = "Allow"
      actions   = ["sns:Publish"]
      resources = statement.value
    }
  }

}

################################################################################
# Triggers: both topics → notifier; schedule → daily report
################################################################################

resource "aws_sns_topic_subscription" "notifier" {
  for_each = { critical = var.critical_topic_arn, heartbeat = var.heartbeat_topic_arn }

  topic_arn = each.value
  protocol  = "lambda"
  endpoint  = module.notifier.function_arn
  # What cost-alerts publishes itself (chatbot mode) carries slackops_origin: never deliver it back.
  filter_policy = jsonencode({ slackops_origin = [{ exists = false }] })
}

resource "aws_lambda_permission" "notifier_sns" {
  for_each = { critical = var.critical_topic_arn, heartbeat = var.heartbeat_topic_arn }

  statement_id  = "AllowSns-${each.key}"
  action        = "lambda:InvokeFunction"
  function_name = module.notifier.function_name
  principal     = "sns.amazonaws.com"
  source_arn    = each.value
}

resource "aws_cloudwatch_event_rule" "daily_report" {
  name                = "${var.name_prefix}-cost-alerts-daily-report"
  description         = "cost-alerts: the daily spend report"
  schedule_expression = var.report_schedule_expression
  tags                = var.tags
}

resource "aws_cloudwatch_event_target" "daily_report" {
  rule = aws_cloudwatch_event_rule.daily_report.name
  arn  = module.daily_report.function_arn
}

resource "aws_lambda_permission" "daily_report_schedule" {
  statement_id  = "AllowSchedule"
  action        = "lambda:InvokeFunction"
  function_name = module.daily_report.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.daily_report.arn
}

################################################################################
# Dashboard
################################################################################

locals {
  health_functions  = concat(var.monitored_function_names, [local.notifier_name, local.daily_report_name])
  report_dimensions = ["service", "cost-alerts", "Currency", var.currency]

  dashboard_widgets = [
    {
      type = "metric", x = 0, y = 0, width = 12, height = 6
      properties = {
        title   = "EstimatedCharges (month to date, AWS/Billing)"
        region  = "us-east-1"
        stat    = "Maximum"
        period  = 21600
        metrics = [["AWS/Billing", "EstimatedCharges", "Currency", "USD"]]
      }
    },
    {
      type = "metric", x = 12, y = 0, width = 12, height = 6
      properties = {
        title  = "Daily spend vs budget"
        region = local.region
        stat   = "Maximum"
        period = 86400
        metrics = [
          concat([local.metrics_namespace, "DailySpend"], local.report_dimensions),
          concat([local.metrics_namespace, "DailyBudget"], local.report_dimensions),
        ]
      }
    },
    {
      type = "metric", x = 0, y = 6, width = 12, height = 6
      properties = {
        title  = "Month to date vs budget and forecast"
        region = local.region
        stat   = "Maximum"
        period = 86400
        metrics = [
          concat([local.metrics_namespace, "MonthToDateSpend"], local.report_dimensions),
          concat([local.metrics_namespace, "MonthForecast"], local.report_dimensions),
          concat([local.metrics_namespace, "MonthlyBudget"], local.report_dimensions),
        ]
      }
    },
    {
      type = "metric", x = 12, y = 6, width = 12, height = 6
      properties = {
        title  = "Top services (yesterday)"
        region = local.region
        period = 86400
        metrics = [[{
          expression = "SEARCH('{${local.metrics_namespace},service,Currency,AwsService} MetricName=\"ServiceSpend\"', 'Maximum', 86400)"
          id         = "services"
        }]]
      }
    },
    {
      type = "metric", x = 0, y = 12, width = 24, height = 6
      properties = {
        title  = "Suite health: errors and throttles of every function"
        region = local.region
        stat   = "Sum"
        period = 300
        metrics = flatten([
          for name in local.health_functions : [
            ["AWS/Lambda", "Errors", "FunctionName", name],
            ["AWS/Lambda", "Throttles", "FunctionName", name],
          ]
        ])
      }
    },
  ]
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = "${var.name_prefix}-costs"
  dashboard_body = jsonencode({ widgets = local.dashboard_widgets })
}
