// GitHub workflows and actions, checked by a validator against GitHub's published schemas.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';

const repoRoot = join(__dirname, '..', '..', '..');
const workflowsDir = join(repoRoot, '.github', 'workflows');
const actionsDir = join(repoRoot, '.github', 'actions');

const workflows = readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f));
const actions = existsSync(actionsDir)
  ? readdirSync(actionsDir).filter((d) => existsSync(join(actionsDir, d, 'action.yml')))
  : [];

describe('GitHub workflows', () => {
  describe('validateWorkflow()', () => {
    it.each(workflows)('finds no schema error in %s', (file) => {
      // Act
      const state = validateWorkflow(readFileSync(join(workflowsDir, file), 'utf8'));

      // Assess
      expect(state.errors).toEqual([]);
    });
  });

  describe('deploy.yml', () => {
    it('authenticates to AWS through OIDC when it deploys, with no stored keys', () => {
      // Prepare
      const text = readFileSync(join(workflowsDir, 'deploy.yml'), 'utf8');
      const workflow = parse(text) as { permissions: Record<string, string> };

      // Assess
      expect(workflow.permissions['id-token']).toBe('write');
      expect(text).toContain('aws-actions/configure-aws-credentials');
      expect(text).not.toMatch(/aws-access-key-id|AWS_SECRET_ACCESS_KEY/i);
    });
  });

  describe('validateAction()', () => {
    it('finds no schema error in any composite action under .github/actions', () => {
      // Prepare
      expect(actions).toContain('notify-ci-event');

      // Act
      const errors = actions.flatMap((name) =>
        validateAction(readFileSync(join(actionsDir, name, 'action.yml'), 'utf8')).errors.map(
          (e) => `${name}: ${e.title}`,
        ),
      );

      // Assess
      expect(errors).toEqual([]);
    });
  });
});
