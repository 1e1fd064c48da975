import fc from 'fast-check';
import { CommandSyntaxError } from '../../src/errors.js';
import { parseCommandArgs } from '../../src/slack/args.js';

function syntaxError(text: string): CommandSyntaxError {
  try {
    parseCommandArgs(text);
  } catch (error) {
    if (error instanceof CommandSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected a CommandSyntaxError for ${JSON.stringify(text)}`);
}

/** Renders a value so the grammar reads it back whole: bare when it can be, else in a quote it does not contain. */
function render(value: string): string {
  if (value !== '' && !/[\s"']/.test(value)) return value;
  return value.includes('"') ? `'${value}'` : `"${value}"`;
}

describe('args', () => {
  describe('parseCommandArgs()', () => {
    it('returns no options and no words when the text is empty or blank', () => {
      // Act
      const empty = parseCommandArgs('');
      const blank = parseCommandArgs(' \t \n ');

      // Assess
      expect(empty).toEqual({ options: {}, words: [] });
      expect(blank).toEqual({ options: {}, words: [] });
    });

    it('reads key=value options and bare words in order when they are mixed', () => {
      // Act
      const args = parseCommandArgs('restart cluster=prod  service=api now');

      // Assess
      expect(args).toEqual({ options: { cluster: 'prod', service: 'api' }, words: ['restart', 'now'] });
    });

    it('lower-cases keys but keeps the case of values and words', () => {
      // Act
      const args = parseCommandArgs('Scale Cluster=Prod-EU COUNT=3');

      // Assess
      expect(args).toEqual({ options: { cluster: 'Prod-EU', count: '3' }, words: ['Scale'] });
    });

    it('keeps everything after the first = in the value when the value holds another =', () => {
      // Act
      const args = parseCommandArgs('filter=tag:env=prod');

      // Assess
      expect(args.options).toEqual({ filter: 'tag:env=prod' });
    });

    it.each([
      ['double quotes', 'reason="deploy went wrong" now', 'deploy went wrong'],
      ['single quotes', "reason='deploy went wrong' now", 'deploy went wrong'],
      ['Slack smart double quotes', 'reason=\u201cdeploy went wrong\u201d now', 'deploy went wrong'],
      ['Slack smart single quotes', 'reason=\u2018deploy went wrong\u2019 now', 'deploy went wrong'],
      ['double quotes around an apostrophe', 'reason="it\'s broken" now', "it's broken"],
      ['single quotes around double quotes', 'reason=\'say "hi"\' now', 'say "hi"'],
      ['a quoted key=value token', '"reason=deploy went wrong" now', 'deploy went wrong'],
    ])('keeps a quoted value whole when it is in %s', (_label, text, reason) => {
      // Act
      const args = parseCommandArgs(text);

      // Assess
      expect(args).toEqual({ options: { reason }, words: ['now'] });
    });

    it('reads a quoted bare word with spaces as one word, and "" as an empty word', () => {
      // Act
      const args = parseCommandArgs('logs "my service" ""');

      // Assess
      expect(args.words).toEqual(['logs', 'my service', '']);
    });

    it('joins quoted and unquoted parts of one token when there is no space between them', () => {
      // Act
      const args = parseCommandArgs('name=pre"fix suf"fix');

      // Assess
      expect(args.options).toEqual({ name: 'prefix suffix' });
    });

    it.each([
      ['double', 'reason="never closed', 'reason="never closed', '"never closed'],
      ['single', "go reason='never", "reason='never", "'never"],
      ['smart', 'reason=\u201cnever closed', 'reason="never closed', '"never closed'],
    ])(
      'throws a CommandSyntaxError naming the rest of the text when a %s quote is not closed',
      (_label, text, _full, token) => {
        // Act
        const error = syntaxError(text);

        // Assess
        expect(error.code).toBe('command_syntax');
        expect(error.token).toBe(token);
        expect(error.message).toMatch(/unclosed/);
      },
    );

    it('throws a CommandSyntaxError naming the token when a key is given twice', () => {
      // Act
      const error = syntaxError('cluster=a service=b Cluster=c');

      // Assess
      expect(error.token).toBe('Cluster=c');
      expect(error.message).toBe('option "cluster" is given twice');
    });

    it.each(['reason=', 'reason=""', "reason=''"])(
      'throws a CommandSyntaxError when the value of "%s" is empty',
      (token) => {
        // Act
        const error = syntaxError(`restart ${token}`);

        // Assess
        expect(error.token).toBe('reason=');
        expect(error.message).toMatch(/option "reason" has no value/);
      },
    );

    it.each([
      ['starts with a digit', '1st=a'],
      ['is empty', '=value'],
      ['holds a dot', 'a.b=c'],
      ['holds a colon', 'tag:env=prod'],
      ['is longer than 40 characters', `${'k'.repeat(41)}=v`],
      ['starts with an underscore', '__proto__=x'],
    ])('throws a CommandSyntaxError naming the token when the key %s', (_label, token) => {
      // Act
      const error = syntaxError(`go ${token} now`);

      // Assess
      expect(error.token).toBe(token);
      expect(error.message).toContain(`"${token}"`);
    });

    it('accepts a key of exactly 40 characters', () => {
      // Act
      const args = parseCommandArgs(`${'k'.repeat(40)}=v`);

      // Assess
      expect(args.options).toEqual({ ['k'.repeat(40)]: 'v' });
    });

    it('accepts the key "constructor" once although Object.prototype has a property of that name', () => {
      // Act
      const args = parseCommandArgs('constructor=x');

      // Assess
      expect(Object.hasOwn(args.options, 'constructor')).toBe(true);
      expect(args.options['constructor']).toBe('x');
    });

    it('throws a CommandSyntaxError when the text is longer than 4000 characters, and accepts 4000', () => {
      // Prepare
      const limit = 'a'.repeat(4000);

      // Act
      const accepted = parseCommandArgs(limit);
      const error = syntaxError(`${limit}b`);

      // Assess
      expect(accepted.words).toEqual([limit]);
      expect(error.message).toMatch(/longer than 4000/);
    });

    it('returns a result or throws a CommandSyntaxError with a message, never another error, for any text', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 200 }),
            fc.string({
              unit: fc.constantFrom('a', 'K', '=', ' ', '"', "'", '\u201c', '\u2019', '\t', '1', '_'),
              maxLength: 60,
            }),
          ),
          (text) => {
            // Act
            let outcome: unknown;
            try {
              outcome = parseCommandArgs(text);
            } catch (error) {
              outcome = error;
            }

            // Assess
            if (outcome instanceof Error) {
              expect(outcome).toBeInstanceOf(CommandSyntaxError);
              expect(outcome.message.length).toBeGreaterThan(0);
            } else {
              expect(outcome).toEqual({ options: expect.any(Object), words: expect.any(Array) });
            }
          },
        ),
        { numRuns: 500 },
      );
    });

    it('reads back the options and words it was given when they are rendered to text', () => {
      // Prepare
      const key = fc.oneof(
        fc.stringMatching(/^[a-z][a-z0-9_-]{0,39}$/),
        fc.constantFrom('constructor', 'tostring'),
      );
      const text = (minLength: number) =>
        fc
          .string({ unit: 'binary', minLength, maxLength: 30 })
          .filter((s) => !/[\u201c\u201d\u2018\u2019]/.test(s) && !(s.includes('"') && s.includes("'")));
      const word = text(1).filter((s) => !s.includes('='));
      fc.assert(
        fc.property(
          fc.dictionary(key, text(1), { maxKeys: 8 }),
          fc.array(word, { maxLength: 8 }),
          fc.boolean(),
          (options, words, optionsFirst) => {
            const optionTokens = Object.entries(options).map(([k, v]) => `${k}=${render(v)}`);
            const wordTokens = words.map(render);
            const rendered = (
              optionsFirst ? [...optionTokens, ...wordTokens] : [...wordTokens, ...optionTokens]
            ).join(' ');

            // Act
            const args = parseCommandArgs(rendered);

            // Assess
            expect(args.options).toEqual(options);
            expect(args.words).toEqual(words);
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});
