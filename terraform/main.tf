# slackops root module: the suite-wide pieces (audit table, Slack front door) and, in one file per
# package (ecs-chatops.tf, ci-events.tf, cost-alerts.tf), the features, each switched on in tfvars.

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

locals {
  tags = merge(
    {
      Project   = "slackops"
      ManagedBy = "terraform"
    },
    var.tags,
  )

  partition = data.aws_partition.current.partition
  account   = data.aws_caller_identity.current.account_id

  # Build output of `make build`: packages/<pkg>/dist/<function>.zip, relative to the repository root.
  packages_dir = "${path.root}/../packages"

  # SSM parameter ARNs: a name with a leading slash is appended as is ("parameter/a/b"), else after "/".
  slack_bot_token_parameter_arn      = "arn:${local.partition}:ssm:${var.aws_region}:${local.account}:parameter/${trimprefix(var.slack_bot_token_parameter, "/")}"
  slack_signing_secret_parameter_arn = "arn:${local.partition}:ssm:${var.aws_region}:${local.account}:parameter/${trimprefix(var.slack_signing_secret_parameter, "/")}"

  # Where every function's alarms go (ci-events and cost-alerts may use it too).
  alarm_actions = var.alarm_sns_topic_arn == null ? [] : [var.alarm_sns_topic_arn]

  # The workers the gateway hands requests to: the only functions it may invoke. A feature with a
  # worker adds its ARN here. Built from module instances (not compact()) so the length is known at plan.
  gateway_worker_function_arns = concat(
    [for m in module.ecs_chatops : m.worker_function_arn],
  )

  # Environment the gateway reads to know which features are on: a feature is on when its worker's
  # name is set (absent when the feature is disabled). merge() of zero maps is {}.
  gateway_feature_environment = merge(
    [for m in module.ecs_chatops : {
      ECS_WORKER_FUNCTION = m.worker_function_name
      ECS_CLUSTERS        = jsonencode(var.ecs_clusters)
    }]...
  )
}

################################################################################
# Audit trail (suite-wide, append-only): who did what, where, when, with what outcome
################################################################################

resource "aws_dynamodb_table" "audit" {
  name                        = "${var.name_prefix}-audit"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = var.audit_table_deletion_protection

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = local.tags
}

################################################################################
# Slack front door: slack-gateway behind the HTTP API
################################################################################

# Events API deliveries already seen (keyed on event_id), so Slack's retries are dropped.
resource "aws_dynamodb_table" "slack_events" {
  name         = "${var.name_prefix}-slack-events"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }

  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = local.tags
}

module "slack_gateway" {
  source = "./modules/lambda-function"

  function_name = "${var.name_prefix}-slack-gateway"
  description   = "The one front door for Slack: verifies, acknowledges and hands work to the feature workers"
  filename      = "${local.packages_dir}/slack-gateway/dist/slack-gateway.zip"
  # Slack waits 3 s for the acknowledgement; more memory is more CPU, i.e. a shorter cold start.
  timeout                        = 10
  memory_size                    = 512
  reserved_concurrent_executions = var.gateway_reserved_concurrency
  tracing_mode                   = var.tracing_mode

  environment_variables = merge(
    {
      SLACK_SIGNING_SECRET_PARAM = var.slack_signing_secret_parameter
      EVENTS_TABLE               = aws_dynamodb_table.slack_events.name
      POWERTOOLS_SERVICE_NAME    = "slack-gateway"
    },
    local.gateway_feature_environment,
  )

  attach_policy_json = true
  policy_json        = data.aws_iam_policy_document.slack_gateway.json

  log_retention_days = var.log_retention_days
  alarm_actions      = local.alarm_actions
  tags               = local.tags
}

data "aws_iam_policy_document" "slack_gateway" {
  # Hand the work to the feature workers (asynchronous Invoke), and to nothing else.
  dynamic "statement" {
    for_each = length(local.gateway_worker_function_arns) > 0 ? [1] : []

    content {
      sid       = "InvokeWorkers"
      effect    = "Allow"
      actions   = ["lambda:InvokeFunction"]
      resources = local.gateway_worker_function_arns
    }
  }

  statement {
    sid       = "DropRetriedSlackEvents"
    effect    = "Allow"
    actions   = ["dynamodb:PutItem"]
    resources = [aws_dynamodb_table.slack_events.arn]
  }

  statement {
    sid       = "ReadSigningSecret"
    effect    = "Allow"
    actions   = ["ssm:GetParameter"]
    resources = [local.slack_signing_secret_parameter_arn]
  }

  # kms:Decrypt is NOT needed with the default aws/ssm key: its key policy already lets every principal
  # of the account decrypt through SSM. A customer-managed key needs it, limited to calls made via SSM.
  dynamic "statement" {
    for_each = var.ssm_kms_key_arn == null ? [] : [var.ssm_kms_key_arn]

    content {
      sid       = "DecryptSigningSecret"
      effect    = "Allow"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["ssm.${var.aws_region}.amazonaws.com"]
      }
    }
  }
}

module "slack_api" {
  source = "./modules/slack-api"

  name                   = "${var.name_prefix}-slack"
  lambda_function_name   = module.slack_gateway.function_name
  lambda_invoke_arn      = module.slack_gateway.invoke_arn
  throttling_burst_limit = var.api_throttling_burst_limit
  throttling_rate_limit  = var.api_throttling_rate_limit
  log_retention_days     = var.log_retention_days
  tags                   = local.tags
}

################################################################################
# Slack app manifest (paste into api.slack.com > Create New App > From a manifest)
################################################################################

locals {
  slack_slash_commands = concat(
    var.enable_ecs_chatops ? [{
      command       = "/ecs-status"
      url           = module.slack_api.commands_url
      description   = "ECS service status, restart, scale, rollback and logs"
      usage_hint    = "[cluster=<c>] [service=<s>] [action=status|restart|scale|rollback|logs|help]"
      should_escape = false
    }] : [],
  )

  slack_app_manifest = {
    display_information = {
      name        = var.slack_app_name
      description = "AWS operations from Slack"
    }
    features = {
      bot_user = {
        display_name  = var.slack_app_name
        always_online = true
      }
      slash_commands = local.slack_slash_commands
    }
    oauth_config = {
      scopes = {
        bot = ["commands", "chat:write", "chat:write.public", "files:write", "usergroups:read", "users:read"]
      }
    }
    settings = {
      interactivity = {
        is_enabled  = true
        request_url = module.slack_api.interactivity_url
      }
      event_subscriptions = {
        request_url = module.slack_api.events_url
        # bot_events is optional: a feature that listens to messages adds its events (and scopes) here.
      }
      org_deploy_enabled     = false
      socket_mode_enabled    = false
      token_rotation_enabled = false
    }
  }
}
