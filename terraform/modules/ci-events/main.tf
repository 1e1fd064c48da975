# ci-events: a queue CI systems send events to, its dead-letter queue, the processor that turns them
# into threaded Slack alerts, and the state table that keeps one thread per pipeline.

data "aws_partition" "current" {}

locals {
  function_name      = "${var.name_prefix}-ci-events-processor"
  visibility_timeout = coalesce(var.visibility_timeout_seconds, 6 * var.function_timeout)
}

resource "aws_sqs_queue" "dlq" {
  name                      = "${var.name_prefix}-ci-events-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

resource "aws_sqs_queue" "this" {
  name                       = "${var.name_prefix}-ci-events"
  visibility_timeout_seconds = local.visibility_timeout
  message_retention_seconds  = 345600
  max_message_size           = 262144
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = var.max_receive_count
  })
  tags = var.tags

  lifecycle {
    precondition {
      condition     = local.visibility_timeout >= 6 * var.function_timeout
      error_message = "The queue's visibility timeout must be at least 6 times the function timeout (AWS guidance for SQS event sources)."
    }
  }
}

resource "aws_dynamodb_table" "state" {
  name         = "${var.name_prefix}-ci-events-state"
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

  tags = var.tags
}

module "processor" {
  source = "../lambda-function"

  function_name = local.function_name
  description   = "CI/CD events from SQS to threaded Slack alerts"
  filename      = var.filename
  timeout       = var.function_timeout
  memory_size   = 512

  environment_variables = merge(
    {
      STATE_TABLE                  = aws_dynamodb_table.state.name
      DEFAULT_CHANNEL              = var.default_channel
      ROUTES                       = jsonencode(var.routes)
      DLQ_URL                      = aws_sqs_queue.dlq.url
      POST_SUCCESS_WITHOUT_FAILURE = tostring(var.post_success_without_failure)
      POWERTOOLS_SERVICE_NAME      = "ci-events"
    },
    var.critical_channel == null ? {} : { CRITICAL_CHANNEL = var.critical_channel },
    var.heartbeat_channel == null ? {} : { HEARTBEAT_CHANNEL = var.heartbeat_channel },
    # One delivery credential: the webhook URL when set, the bot token otherwise.
    var.slack_webhook_url_parameter_name == null
    ? { SLACK_BOT_TOKEN_PARAM = var.slack_bot_token_parameter_name }
    : { SLACK_WEBHOOK_URL_PARAM = var.slack_webhook_url_parameter_name },
  )

  attach_policy_json = true
  policy_json        = data.aws_iam_policy_document.processor.json

  log_retention_days = var.log_retention_days
  alarm_actions      = var.alarm_actions
  tags               = var.tags
}

data "aws_iam_policy_document" "processor" {
  statement {
    sid       = "ConsumeTheQueue"
    effect    = "Allow"
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
    resources = [aws_sqs_queue.this.arn]
  }

  statement {
    sid       = "ParkUnprocessableMessages"
    effect    = "Allow"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dlq.arn]
  }

  statement {
    sid       = "KeepThreadState"
    effect    = "Allow"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.state.arn]
  }

  # Bot-token delivery (the default): the token only.
  dynamic "statement" {
    for_each = var.slack_webhook_url_parameter_arn == null ? [var.slack_bot_token_parameter_arn] : []

    content {
      sid       = "ReadSlackBotToken"
      effect    = "Allow"
      actions   = ["ssm:GetParameter"]
      resources = [statement.value]
    }
  }

  # Webhook delivery mode: the webhook URL only.
  dynamic "statement" {
    for_each = var.slack_webhook_url_parameter_arn == null ? [] : [var.slack_webhook_url_parameter_arn]

    content {
      sid       = "ReadSlackWebhookUrl"
      effect    = "Allow"
      actions   = ["ssm:GetParameter"]
      resources = [statement.value]
    }
  }
}

resource "aws_lambda_event_source_mapping" "this" {
  event_source_arn                   = aws_sqs_queue.this.arn
  function_name                      = module.processor.function_arn
  batch_size                         = var.batch_size
  maximum_batching_window_in_seconds = 1
  function_response_types            = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = var.maximum_concurrency
  }
}

resource "aws_cloudwatch_metric_alarm" "dlq_depth" {
  alarm_name          = "${var.name_prefix}-ci-events-dlq-not-empty"
  alarm_description   = "CI events were parked in the dead-letter queue: look at them, fix the sender, redrive."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.dlq.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "oldest_message_age" {
  alarm_name          = "${var.name_prefix}-ci-events-queue-stuck"
  alarm_description   = "CI events wait in the queue for more than 15 minutes: the processor is failing or throttled."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = aws_sqs_queue.this.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 900
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  tags                = var.tags
}

# For senders (CI roles): exactly sqs:SendMessage on this queue.
data "aws_iam_policy_document" "sender" {
  statement {
    sid       = "SendCiEvents"
    effect    = "Allow"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.this.arn]
  }
}
