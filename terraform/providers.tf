provider "aws" {
  region = var.aws_region

  # Every resource the provider creates carries these, on top of the tags each module sets.
  default_tags {
    tags = local.tags
  }
}
