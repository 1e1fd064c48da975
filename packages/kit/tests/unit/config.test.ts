import * as z from 'zod/mini';
import { booleanEnv, jsonEnv, loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

const schema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN']),
  PROTECTED: jsonEnv(z.array(z.object({ cluster: z.string(), approvers: z.array(z.string()) }))),
  DRY_RUN: booleanEnv(false),
});

const good = {
  TABLE_NAME: 'audit',
  LOG_LEVEL: 'INFO',
  PROTECTED: '[{"cluster":"prod","approvers":["U1","S2"]}]',
};

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  describe('loadConfig()', () => {
    it('returns the typed configuration when every variable is valid', () => {
      // Act
      const config = loadConfig(schema, { ...good, DRY_RUN: 'true', UNRELATED: 'x' });

      // Assess
      expect(config).toEqual({
        TABLE_NAME: 'audit',
        LOG_LEVEL: 'INFO',
        PROTECTED: [{ cluster: 'prod', approvers: ['U1', 'S2'] }],
        DRY_RUN: true,
      });
    });

    it('reads process.env when no environment is passed', () => {
      // Prepare
      const saved = process.env.KIT_TEST_ONLY_VARIABLE;
      process.env.KIT_TEST_ONLY_VARIABLE = 'from-process';

      // Act
      let config: { KIT_TEST_ONLY_VARIABLE: string };
      try {
        config = loadConfig(z.object({ KIT_TEST_ONLY_VARIABLE: z.string() }));
      } finally {
        if (saved === undefined) delete process.env.KIT_TEST_ONLY_VARIABLE;
        else process.env.KIT_TEST_ONLY_VARIABLE = saved;
      }

      // Assess
      expect(config.KIT_TEST_ONLY_VARIABLE).toBe('from-process');
    });

    it('says the variable is not set when it is missing', () => {
      // Prepare
      const { TABLE_NAME: _missing, ...env } = good;

      // Act
      const error = configError(env);

      // Assess
      expect(error.code).toBe('config_invalid');
      expect(error.message).toBe('invalid configuration: TABLE_NAME is not set');
    });

    it('names every variable at fault when several are wrong', () => {
      // Act
      const error = configError({ LOG_LEVEL: 'LOUD' });

      // Assess
      expect(error.message).toContain('TABLE_NAME is not set');
      expect(error.message).toContain('PROTECTED is not set');
      expect(error.message).toMatch(/LOG_LEVEL: /);
    });

    it('names the variable but not its value when the value is bad', () => {
      // Act
      const error = configError({ ...good, LOG_LEVEL: 'xoxb-looks-like-a-secret' });

      // Assess
      expect(error.message).toMatch(/^invalid configuration: LOG_LEVEL: \S/);
      expect(error.message).not.toContain('xoxb-looks-like-a-secret');
      expect(error.message).not.toContain('is not set');
    });

    it('says the variable is not valid JSON when a jsonEnv variable cannot be parsed', () => {
      // Act
      const error = configError({ ...good, PROTECTED: '[{"cluster":' });

      // Assess
      expect(error.message).toBe('invalid configuration: PROTECTED: is not valid JSON');
    });

    it('names the variable and the path inside it when the JSON has the wrong shape', () => {
      // Act
      const error = configError({ ...good, PROTECTED: '[{"cluster":"prod","approvers":["U1",7]}]' });

      // Assess
      expect(error.message).toMatch(/^invalid configuration: PROTECTED at 0\.approvers\.1: \S/);
    });

    it('does not call a JSON variable "not set" when a field inside it is missing', () => {
      // Act
      const error = configError({ ...good, PROTECTED: '[{"cluster":"prod"}]' });

      // Assess
      expect(error.message).toMatch(/^invalid configuration: PROTECTED at 0\.approvers: \S/);
      expect(error.message).not.toContain('is not set');
    });
  });

  describe('booleanEnv()', () => {
    it.each([
      ['true', true],
      ['1', true],
      ['false', false],
      ['0', false],
    ])('reads "%s" as %s', (value, expected) => {
      // Act
      const config = loadConfig(z.object({ FLAG: booleanEnv(!expected) }), { FLAG: value });

      // Assess
      expect(config.FLAG).toBe(expected);
    });

    it.each([true, false])('gives the default %s when the variable is not set', (defaultValue) => {
      // Act
      const config = loadConfig(z.object({ FLAG: booleanEnv(defaultValue) }), {});

      // Assess
      expect(config.FLAG).toBe(defaultValue);
    });

    it.each(['yes', 'TRUE', '', ' true'])(
      'throws a ConfigError naming the variable when the value is "%s"',
      (value) => {
        // Act
        const load = () => loadConfig(z.object({ FLAG: booleanEnv(false) }), { FLAG: value });

        // Assess
        expect(load).toThrow(ConfigError);
        expect(load).toThrow(/^invalid configuration: FLAG: /);
      },
    );
  });
});
